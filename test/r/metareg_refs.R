# Regenerates the metafor reference fixture of meta_regression,
# meta_predict and meta_subgroup:
#   Rscript test/r/metareg_refs.R        (from the repository root)
# Needs r-cran-metafor 3.8-1 and r-cran-metadat.  Writes
# test/fixtures/metafor_metareg.csv in long form: case,item,idx,value.
#   data:NAME rows   item yi / vi / a moderator / group, idx the study
#   reg:... rows     data, mods ("a;b"), method, test, then the results;
#                    per-coefficient items carry idx 0 (intercept) .. m,
#                    NA for a redundant moderator metafor dropped;
#                    pred_x (idx 1..m) and pred, pred_se, ... at that x
#   sub:... rows     data, group, method, tau2 (separate/common), groups
#                    (idx 1..G, sorted), then the per-group numbers
# REML and PM are converged far tighter than metafor's defaults (an
# absolute threshold 1e-13 of the DL tau^2's scale, uniroot tol 1e-15 of it).
suppressMessages(library(metafor))

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
rows <- list()
put <- function(case, item, idx, value)
  rows[[length(rows) + 1]] <<- data.frame(case = case, item = item, idx = idx, value = value)

bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
bcg$random <- as.numeric(bcg$alloc == "random")
bcg$systematic <- as.numeric(bcg$alloc == "systematic")
bcg$ablat2 <- 2 * bcg$ablat + 0    # collinear with ablat: metafor drops it
bcg$one <- 3                       # constant: collinear with the intercept
raud <- dat.raudenbush1985
raud$weeks_c <- pmin(raud$weeks, 3)
raud$blind <- as.numeric(raud$tester == "blind")
# a fictional knee-osteoarthritis set: MSC source and dose (cells), pain SMD
knee <- data.frame(
  yi = c(-0.82, -0.41, -1.10, -0.25, -0.66, -0.95, -0.12, -0.58, -0.33, -1.25, -0.70, -0.18),
  vi = c(0.061, 0.045, 0.120, 0.038, 0.074, 0.090, 0.052, 0.066, 0.041, 0.150, 0.080, 0.048),
  source = c("adipose", "bone_marrow", "adipose", "umbilical", "bone_marrow", "adipose",
             "umbilical", "bone_marrow", "umbilical", "adipose", "bone_marrow", "umbilical"),
  dose = c(5e7, 2.5e7, 1e8, 1e7, 5e7, 1e8, 1e7, 4e7, 2e7, 2e8, 5e7, 1.5e7))
knee$logdose <- log10(knee$dose)
knee$adipose <- as.numeric(knee$source == "adipose")
data <- list(bcg = bcg, raud = raud, knee = knee)
for (d in names(data)) {
  dd <- data[[d]]
  for (v in setdiff(names(dd), c("yi", "vi"))) if (is.numeric(dd[[v]]) || is.character(dd[[v]]) || is.factor(dd[[v]]))
    for (i in seq_len(nrow(dd))) put(paste0("data:", d), v, i,
                                     if (is.numeric(dd[[v]])) fmt(dd[[v]][i]) else as.character(dd[[v]][i]))
  for (i in seq_len(nrow(dd))) { put(paste0("data:", d), "yi", i, fmt(dd$yi[i])); put(paste0("data:", d), "vi", i, fmt(dd$vi[i])) }
}

ctl <- function(dd) {
  tau2_dl <- rma(yi, vi, data = dd, method = "DL")$tau2
  scale <- if (tau2_dl > 0) tau2_dl else mean(dd$vi)
  list(threshold = 1e-13 * scale, maxiter = 100000, tol = 1e-15 * scale,
       tau2.max = 1e4 * max(1, tau2_dl) + 100)
}

reg <- function(d, mods, predx) {
  dd <- data[[d]]
  X <- as.matrix(dd[, mods, drop = FALSE])
  full <- c("intrcpt", mods)
  for (method in c("FE", "DL", "REML", "PM")) for (test in c("z", "knha")) {
    case <- paste("reg", d, paste(mods, collapse = "+"), method, test, sep = ":")
    fit <- tryCatch(suppressWarnings(rma(dd$yi, dd$vi, mods = X, method = method, test = test, control = ctl(dd))),
                    error = function(e) { cat("FAILED", case, conditionMessage(e), "\n"); NULL })
    if (is.null(fit)) next
    # metafor's own rounding noise: the same model with centred moderators
    # (mathematically identical apart from the intercept) shows how many
    # digits its QR of an uncentred design (a year) loses; the C test
    # allows max(1e-9, 10 x this) relative for the case
    fitc <- suppressWarnings(rma(dd$yi, dd$vi, mods = scale(X, scale = FALSE), method = method, test = test, control = ctl(dd)))
    inv <- function(f) c(f$beta[-1], f$se[-1], f$pval[-1], f$QM, f$QMp, f$QE, f$QEp, f$tau2, f$I2)
    a <- inv(fit); b <- inv(fitc); ok <- abs(b) > 1e-9
    put(case, "metafor_noise", 0, fmt(max(0, abs(a - b)[ok] / abs(b)[ok])))
    put(case, "data", 0, d); put(case, "mods", 0, paste(mods, collapse = ";"))
    put(case, "method", 0, method); put(case, "test", 0, test)
    kept <- c(TRUE, paste0("X", mods) %in% rownames(fit$beta) | mods %in% rownames(fit$beta))
    at <- cumsum(kept)
    for (j in seq_along(full)) {
      g <- function(v) if (kept[j]) fmt(v[at[j]]) else "NA"
      put(case, "coef", j - 1, g(fit$beta)); put(case, "se", j - 1, g(fit$se))
      put(case, "stat", j - 1, g(fit$zval)); put(case, "pval", j - 1, g(fit$pval))
      put(case, "ci_low", j - 1, g(fit$ci.lb)); put(case, "ci_high", j - 1, g(fit$ci.ub))
    }
    put(case, "k", 0, fit$k); put(case, "p", 0, fit$p)
    put(case, "qm", 0, fmt(fit$QM)); put(case, "qm_df", 0, fit$QMdf[1])
    put(case, "qm_df2", 0, if (is.na(fit$QMdf[2])) 0 else fit$QMdf[2]); put(case, "qm_pval", 0, fmt(fit$QMp))
    put(case, "qe", 0, fmt(fit$QE)); put(case, "qe_df", 0, fit$k - fit$p); put(case, "qe_pval", 0, fmt(fit$QEp))
    put(case, "tau2", 0, fmt(fit$tau2)); put(case, "i2", 0, fmt(fit$I2)); put(case, "h2", 0, fmt(fit$H2))
    put(case, "r2", 0, fmt(if (is.null(fit$R2)) NA else fit$R2))
    pr <- predict(fit, newmods = predx[kept[-1]])
    for (j in seq_along(predx)) put(case, "pred_x", j, fmt(predx[j]))
    put(case, "pred", 0, fmt(pr$pred)); put(case, "pred_se", 0, fmt(pr$se))
    put(case, "pred_ci_low", 0, fmt(pr$ci.lb)); put(case, "pred_ci_high", 0, fmt(pr$ci.ub))
    put(case, "pred_pi_low", 0, fmt(if (is.null(pr$pi.lb)) NA else pr$pi.lb))
    put(case, "pred_pi_high", 0, fmt(if (is.null(pr$pi.ub)) NA else pr$pi.ub))
  }
}

reg("bcg", "ablat", 30)
reg("bcg", "year", 1965)
reg("bcg", c("ablat", "year"), c(30, 1965))
reg("bcg", c("random", "systematic"), c(1, 0))
reg("bcg", c("ablat", "year", "random", "systematic"), c(40, 1970, 0, 1))
reg("bcg", c("ablat", "ablat2"), c(30, 60))
reg("bcg", c("one", "ablat"), c(3, 30))
reg("raud", "weeks_c", 2)
reg("raud", c("weeks_c", "blind"), c(1, 1))
reg("knee", "logdose", 7.5)
reg("knee", c("logdose", "adipose"), c(7.5, 1))

sub <- function(d, gvar) {
  dd <- data[[d]]
  g <- as.character(dd[[gvar]])
  lev <- sort(unique(g), method = "radix")
  for (method in c("FE", "DL", "REML", "PM")) {
    c0 <- ctl(dd)
    case <- paste("sub", d, gvar, method, "separate", sep = ":")
    est <- se <- numeric(0)
    put(case, "data", 0, d); put(case, "group", 0, gvar); put(case, "method", 0, method); put(case, "tau2mode", 0, "separate")
    for (j in seq_along(lev)) {
      s <- g == lev[j]
      f <- rma(dd$yi[s], dd$vi[s], method = method, control = ctl(dd[s, ]))
      est <- c(est, f$beta[1]); se <- c(se, f$se)
      put(case, "groups", j, lev[j]); put(case, "k", j, f$k)
      put(case, "estimate", j, fmt(f$beta[1])); put(case, "se", j, fmt(f$se))
      put(case, "ci_low", j, fmt(f$ci.lb)); put(case, "ci_high", j, fmt(f$ci.ub))
      put(case, "tau2", j, fmt(f$tau2)); put(case, "i2", j, fmt(f$I2))
    }
    fb <- rma(est, sei = se, method = "FE")
    put(case, "q_between", 0, fmt(fb$QE)); put(case, "df", 0, length(lev) - 1); put(case, "pval", 0, fmt(fb$QEp))

    case <- paste("sub", d, gvar, method, "common", sep = ":")
    put(case, "data", 0, d); put(case, "group", 0, gvar); put(case, "method", 0, method); put(case, "tau2mode", 0, "common")
    fac <- factor(g, levels = lev)
    f1 <- rma(dd$yi, dd$vi, mods = ~ fac, method = method, control = c0)
    f0 <- rma(dd$yi, dd$vi, mods = ~ fac - 1, method = method, control = c0)
    for (j in seq_along(lev)) {
      put(case, "groups", j, lev[j]); put(case, "k", j, sum(g == lev[j]))
      put(case, "estimate", j, fmt(f0$beta[j])); put(case, "se", j, fmt(f0$se[j]))
      put(case, "ci_low", j, fmt(f0$ci.lb[j])); put(case, "ci_high", j, fmt(f0$ci.ub[j]))
      put(case, "tau2", j, fmt(f1$tau2)); put(case, "i2", j, fmt(f1$I2))
    }
    put(case, "q_between", 0, fmt(f1$QM)); put(case, "df", 0, f1$QMdf[1]); put(case, "pval", 0, fmt(f1$QMp))
  }
}
sub("bcg", "alloc")
sub("raud", "tester")
sub("knee", "source")

out <- do.call(rbind, rows)
write.csv(out, "test/fixtures/metafor_metareg.csv", row.names = FALSE, quote = FALSE)
cat(nrow(out), "rows\n")

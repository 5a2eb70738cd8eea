# Regenerates the metafor reference fixtures of the interval options
# (src/core/stat_confint.c):   Rscript test/r/confint_refs.R   (repository root)
# Needs r-cran-metafor 3.8-1 and r-cran-metadat.  Writes
#   test/fixtures/metafor_level.csv   rma + predict(level, pi.type) + confint (Q-profile)
#   test/fixtures/metafor_level_2x2.csv  rma.mh and rma.peto at other levels
# with the studies in metafor_level_studies.csv (the 2x2 tables are those of
# metafor_tables.csv, written by test/r/rare_refs.R).  REML, PM and the Q-profile
# roots are converged far tighter than metafor's defaults.
suppressMessages(library(metafor))

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

sets <- list(
  normand1999_SMD = escalc("SMD", n1i = n1i, m1i = m1i, sd1i = sd1i, n2i = n2i, m2i = m2i, sd2i = sd2i,
                           data = dat.normand1999),
  bcg_RR          = escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg),
  pritz1997_PLO   = escalc("PLO", xi = xi, ni = ni, data = dat.pritz1997),
  debruin2009_PFT = escalc("PFT", xi = xi, ni = ni, data = dat.debruin2009)
)
studies <- list(); rows <- list()
for (name in names(sets)) {
  d <- sets[[name]]
  studies[[length(studies) + 1]] <- data.frame(dataset = name, yi = fmt(d$yi), vi = fmt(d$vi))
  scale <- max(rma(yi, vi, data = d, method = "DL")$tau2, mean(d$vi))
  for (method in c("DL", "REML", "PM")) for (test in c("z", "knha")) for (level in c(80, 90, 99)) {
    fit <- rma(yi, vi, data = d, method = method, test = test, level = level,
               control = list(threshold = 1e-15 * scale, tol = 1e-15 * scale, maxiter = 100000))
    ci <- confint(fit, level = level, control = list(tol = 1e-15 * scale, maxiter = 100000))$random
    for (pt in c("default", "simple", "t", "riley")) {
      pr <- predict(fit, level = level, pi.type = pt)
      rows[[length(rows) + 1]] <- data.frame(dataset = name, method = method, test = test, level = level,
        pi_type = pt, estimate = fmt(fit$beta[1]), se = fmt(fit$se), ci_lb = fmt(fit$ci.lb), ci_ub = fmt(fit$ci.ub),
        pi_lb = fmt(pr$pi.lb), pi_ub = fmt(pr$pi.ub), tau2 = fmt(fit$tau2),
        tau2_lb = fmt(ci["tau^2", "ci.lb"]), tau2_ub = fmt(ci["tau^2", "ci.ub"]),
        i2_lb = fmt(ci["I^2(%)", "ci.lb"]), i2_ub = fmt(ci["I^2(%)", "ci.ub"]),
        h2_lb = fmt(ci["H^2", "ci.lb"]), h2_ub = fmt(ci["H^2", "ci.ub"]))
    }
  }
}
tab <- list(bcg = with(dat.bcg, data.frame(ai = tpos, bi = tneg, ci = cpos, di = cneg)),
            nielweise2007 = with(dat.nielweise2007, data.frame(ai = ai, bi = n1i - ai, ci = ci, di = n2i - ci)))
rows2 <- list()
for (name in names(tab)) for (level in c(80, 90, 99)) {
  d <- tab[[name]]
  fits <- list(PETO = rma.peto(ai = d$ai, bi = d$bi, ci = d$ci, di = d$di, level = level),
               OR = rma.mh(ai = d$ai, bi = d$bi, ci = d$ci, di = d$di, measure = "OR", level = level),
               RR = rma.mh(ai = d$ai, bi = d$bi, ci = d$ci, di = d$di, measure = "RR", level = level),
               RD = rma.mh(ai = d$ai, bi = d$bi, ci = d$ci, di = d$di, measure = "RD", level = level))
  for (m in names(fits)) rows2[[length(rows2) + 1]] <- data.frame(dataset = name, measure = m, level = level,
    estimate = fmt(fits[[m]]$beta[1]), ci_lb = fmt(fits[[m]]$ci.lb), ci_ub = fmt(fits[[m]]$ci.ub))
}

out <- function(rows, file) {
  x <- do.call(rbind, rows)
  write.csv(x, file.path("test/fixtures", file), row.names = FALSE, quote = FALSE, na = "NA")
  cat(file, nrow(x), "rows\n")
}
out(studies, "metafor_level_studies.csv")
out(rows, "metafor_level.csv")
out(rows2, "metafor_level_2x2.csv")

# Regenerates the metafor reference fixtures of msc_registry's statistics:
#   Rscript test/r/metafor_refs.R        (from the repository root)
# Needs r-base-core and r-cran-metafor (Debian 12: metafor 3.8-1).
# Writes test/fixtures/metafor_escalc.csv, metafor_rma.csv, metafor_mh.csv.
# REML and PM are converged far tighter than metafor's defaults so that the
# fixtures pin the estimators, not their stopping rules.
suppressMessages(library(metafor))

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

set.seed(20261121)
# Small synthetic continuous datasets of our own: pain on a 0-100 VAS,
# MSC arm (1) against control (2); sizes 1, 2, 3 and identical studies.
synth <- function(k) data.frame(
  n1i = sample(12:60, k, TRUE), m1i = round(runif(k, 25, 45), 1), sd1i = round(runif(k, 12, 25), 1),
  n2i = sample(12:60, k, TRUE), m2i = round(runif(k, 35, 55), 1), sd2i = round(runif(k, 12, 25), 1))
continuous <- list(
  normand1999 = dat.normand1999,
  gibson2002  = dat.gibson2002[, c("n1i","m1i","sd1i","n2i","m2i","sd2i")],
  curtis1998  = dat.curtis1998[, c("n1i","m1i","sd1i","n2i","m2i","sd2i")],
  synth_k1    = synth(1),
  synth_k2    = synth(2),
  synth_k3    = synth(3),
  synth_k7    = synth(7),
  identical4  = synth(1)[rep(1, 4), ]
)
# Binary datasets: events and group sizes (ai of n1i vs ci of n2i);
# nielweise2007 and li2007 have zero cells.
binary <- list(
  bcg          = with(dat.bcg, data.frame(ai = tpos, n1i = tpos + tneg, ci = cpos, n2i = cpos + cneg)),
  nielweise2007 = dat.nielweise2007[, c("ai","n1i","ci","n2i")],
  li2007       = dat.li2007[, c("ai","n1i","ci","n2i")],
  hine1989     = dat.hine1989[, c("ai","n1i","ci","n2i")],
  lee2004      = dat.lee2004[, c("ai","n1i","ci","n2i")]
)

esc <- list(); rma_rows <- list(); mh_rows <- list()

add_rma <- function(dataset, measure, yi, vi) {
  # convergence threshold relative to the scale of tau^2: an absolute 1e-13
  # is below one ulp of a tau^2 in the hundreds, and loose for one of 1e-4
  tau2_dl <- rma(yi, vi, method = "DL")$tau2
  scale <- if (tau2_dl > 0) tau2_dl else mean(vi)
  threshold <- 1e-13 * scale
  for (method in c("FE", "DL", "REML", "PM")) for (test in c("z", "knha")) {
    fit <- tryCatch(rma(yi, vi, method = method, test = test,
               control = list(threshold = threshold, maxiter = 100000, tol = 1e-15 * scale, tau2.max = 1e4 * max(1, tau2_dl) + 100)),
               error = function(e) { cat("FAILED", dataset, measure, method, test, conditionMessage(e), "\n"); NULL })
    if (is.null(fit)) next
    pr <- predict(fit)
    fe <- method == "FE"
    rma_rows[[length(rma_rows) + 1]] <<- data.frame(
      dataset = dataset, measure = measure, method = method, test = test, k = fit$k,
      estimate = fmt(fit$beta[1]), se = fmt(fit$se), stat = fmt(fit$zval), pval = fmt(fit$pval),
      ci_lb = fmt(fit$ci.lb), ci_ub = fmt(fit$ci.ub), tau2 = fmt(fit$tau2),
      i2 = fmt(fit$I2), h2 = fmt(fit$H2), q = fmt(fit$QE), q_df = fit$k - 1, q_pval = fmt(fit$QEp),
      pi_lb = fmt(if (fe) NA else pr$pi.lb), pi_ub = fmt(if (fe) NA else pr$pi.ub))
  }
}

for (name in names(continuous)) {
  d <- continuous[[name]]
  for (measure in c("SMD", "MD", "ROM")) {
    e <- escalc(measure, n1i = d$n1i, m1i = d$m1i, sd1i = d$sd1i,
                n2i = d$n2i, m2i = d$m2i, sd2i = d$sd2i)
    esc[[length(esc) + 1]] <- data.frame(dataset = name, measure = measure, study = seq_len(nrow(d)),
      x1 = d$n1i, x2 = d$m1i, x3 = d$sd1i, x4 = d$n2i, x5 = d$m2i, x6 = d$sd2i,
      yi = fmt(e$yi), vi = fmt(e$vi))
    add_rma(name, measure, e$yi, e$vi)
  }
}
for (name in names(binary)) {
  d <- binary[[name]]
  for (measure in c("RR", "OR", "RD")) {
    e <- escalc(measure, ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i)
    esc[[length(esc) + 1]] <- data.frame(dataset = name, measure = measure, study = seq_len(nrow(d)),
      x1 = d$ai, x2 = d$n1i, x3 = d$ci, x4 = d$n2i, x5 = NA, x6 = NA,
      yi = fmt(e$yi), vi = fmt(e$vi))
    ok <- !is.na(e$yi)
    add_rma(name, measure, e$yi[ok], e$vi[ok])
    fit <- rma.mh(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i, measure = measure)
    mh_rows[[length(mh_rows) + 1]] <- data.frame(dataset = name, measure = measure, k = fit$k,
      estimate = fmt(fit$beta[1]), se = fmt(fit$se), stat = fmt(fit$zval), pval = fmt(fit$pval),
      ci_lb = fmt(fit$ci.lb), ci_ub = fmt(fit$ci.ub), i2 = fmt(fit$I2), h2 = fmt(fit$H2),
      q = fmt(fit$QE), q_pval = fmt(fit$QEp))
  }
}

out <- function(rows, file) {
  x <- do.call(rbind, rows)
  write.csv(x, file.path("test/fixtures", file), row.names = FALSE, quote = FALSE, na = "NA")
  cat(file, nrow(x), "rows\n")
}
out(esc, "metafor_escalc.csv")
out(rma_rows, "metafor_rma.csv")
out(mh_rows, "metafor_mh.csv")

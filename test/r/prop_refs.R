# Regenerates the metafor reference fixtures of the single-arm statistics
# (src/core/stat_prop.c):   Rscript test/r/prop_refs.R   (repository root)
# Needs r-cran-metafor 3.8-1 and r-cran-metadat.
# Writes test/fixtures/metafor_prop_escalc.csv (escalc PR, PLO, PAS, PFT per
# arm), metafor_prop.csv (rma of each, with predict(transf = ...)) and
# metafor_change.csv (escalc MC and SMCR of single arms).
# REML and PM are converged far tighter than metafor's defaults.
suppressMessages(library(metafor))

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# Proportions: responders or adverse events of single arms.  pritz1997 has
# an all-event arm, the synthetic MSC safety set zero-event arms.
props <- list(
  pritz1997   = dat.pritz1997[, c("xi", "ni")],
  debruin2009 = dat.debruin2009[, c("xi", "ni")],
  msc_safety  = data.frame(xi = c(0, 1, 0, 2, 0, 3, 1), ni = c(12, 20, 9, 40, 15, 24, 18)),
  single      = data.frame(xi = 3, ni = 10)
)
transf_of <- list(PR = NULL, PLO = transf.ilogit, PAS = transf.iarcsin, PFT = transf.ipft.hm)

esc <- list(); pool <- list()
for (name in names(props)) {
  d <- props[[name]]
  for (measure in c("PR", "PLO", "PAS", "PFT")) {
    e <- escalc(measure, xi = d$xi, ni = d$ni)
    esc[[length(esc) + 1]] <- data.frame(dataset = name, measure = measure, study = seq_len(nrow(d)),
      x = d$xi, n = d$ni, yi = fmt(e$yi), vi = fmt(e$vi))
    scale <- max(rma(e$yi, e$vi, method = "DL")$tau2, mean(e$vi))
    for (method in c("FE", "DL", "REML", "PM")) for (test in c("z", "knha")) {
      fit <- rma(e$yi, e$vi, method = method, test = test,
                 control = list(threshold = 1e-15 * scale, tol = 1e-15 * scale, maxiter = 100000))
      tr <- transf_of[[measure]]
      pr <- if (is.null(tr)) predict(fit) else predict(fit, transf = tr, targs = list(ni = d$ni))
      pl <- predict(fit)
      fe <- method == "FE"
      pool[[length(pool) + 1]] <- data.frame(dataset = name, measure = measure, method = method,
        test = test, k = fit$k, estimate = fmt(fit$beta[1]), se = fmt(fit$se), ci_lb = fmt(fit$ci.lb),
        ci_ub = fmt(fit$ci.ub), tau2 = fmt(fit$tau2), i2 = fmt(fit$I2), q = fmt(fit$QE),
        pi_lb = fmt(if (fe) NA else pl$pi.lb), pi_ub = fmt(if (fe) NA else pl$pi.ub),
        prop = fmt(pr$pred), prop_ci_lb = fmt(pr$ci.lb), prop_ci_ub = fmt(pr$ci.ub),
        prop_pi_lb = fmt(if (fe) NA else pr$pi.lb), prop_pi_ub = fmt(if (fe) NA else pr$pi.ub))
    }
  }
}

# Change from baseline in single arms (follow-up minus baseline, so less pain
# is negative): m1i = follow-up, m2i = baseline, sd1i = the SD standardising
# SMCR (baseline).  Three sets of pain arms (VAS 0-100, NRS 0-10, WOMAC
# pain 0-20) and the correlation's extremes.
change <- list(
  vas = data.frame(n = c(12, 20, 9, 40, 15), m_pre = c(68.5, 72, 61.2, 70.1, 66),
    sd_pre = c(12.1, 15.3, 9.8, 14, 11.5), m_post = c(41.2, 39.5, 48, 44.4, 30.9),
    sd_post = c(18.4, 20.1, 14.2, 19.9, 16), r = c(0.5, 0.3, 0.7, 0.45, 0.6)),
  nrs = data.frame(n = c(3, 6, 10, 24), m_pre = c(7.1, 6.8, 7.5, 6.2), sd_pre = c(1.2, 1.5, 0.9, 1.8),
    m_post = c(4, 3.9, 5.2, 3.1), sd_post = c(2.1, 2.4, 1.7, 2.2), r = c(0.2, 0.5, 0.8, 0.4)),
  extremes = data.frame(n = c(5, 8, 30, 1), m_pre = c(10, 10, 12.5, 9), sd_pre = c(3, 2, 4, 2),
    m_post = c(12, 6, 12.5, 8), sd_post = c(3, 5, 4, 1), r = c(1, -1, 0, 0.5))
)
chg <- list()
for (name in names(change)) {
  d <- change[[name]]
  mc <- escalc("MC", m1i = d$m_post, m2i = d$m_pre, sd1i = d$sd_post, sd2i = d$sd_pre, ni = d$n, ri = d$r)
  sm <- escalc("SMCR", m1i = d$m_post, m2i = d$m_pre, sd1i = d$sd_pre, ni = d$n, ri = d$r)
  chg[[length(chg) + 1]] <- data.frame(dataset = name, study = seq_len(nrow(d)), d,
    mc_yi = fmt(mc$yi), mc_vi = fmt(mc$vi), smcr_yi = fmt(sm$yi), smcr_vi = fmt(sm$vi))
}

out <- function(rows, file) {
  x <- do.call(rbind, rows)
  write.csv(x, file.path("test/fixtures", file), row.names = FALSE, quote = FALSE, na = "NA")
  cat(file, nrow(x), "rows\n")
}
out(esc, "metafor_prop_escalc.csv")
out(pool, "metafor_prop.csv")
out(chg, "metafor_change.csv")

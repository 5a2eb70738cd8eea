# Regenerates the metafor reference fixture of the small-study-effect tests,
# trim and fill, and the influence diagnostics:
#   Rscript test/r/bias_refs.R        (from the repository root)
# Needs r-base-core and r-cran-metafor (Debian 12: metafor 3.8-1).
# Writes test/fixtures/metafor_bias.csv in long form:
#   dataset, what, variant, i, name, value
# what: input (i = study, yi and vi), egger (variant rma or lm), rank,
# trimfill (variant method/estimator/side; i = 0 for the model, i > 0 for
# the filled studies), influence (variant method; i = study).
# REML and PM are converged far tighter than metafor's defaults so that the
# fixture pins the estimators, not their stopping rules.
suppressMessages(library(metafor))

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

bcg <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
curtis <- escalc("ROM", n1i = n1i, m1i = m1i, sd1i = sd1i, n2i = n2i, m2i = m2i, sd2i = sd2i,
                 data = dat.curtis1998)
sets <- list(
  bcg = data.frame(yi = c(bcg$yi), vi = bcg$vi),                          # k = 13
  hackshaw1998 = data.frame(yi = dat.hackshaw1998$yi, vi = dat.hackshaw1998$vi),  # k = 37, tied vi
  curtis1998 = data.frame(yi = c(curtis$yi), vi = curtis$vi)              # k = 102
)

rows <- list()
add <- function(dataset, what, variant, i, name, value)
  rows[[length(rows) + 1]] <<- data.frame(dataset = dataset, what = what, variant = variant,
                                          i = i, name = name, value = fmt(value))

ctl <- function(yi, vi) {
  tau2_dl <- rma(yi, vi, method = "DL")$tau2
  scale <- if (tau2_dl > 0) tau2_dl else mean(vi)
  list(threshold = 1e-14 * scale, maxiter = 100000, tol = 1e-15 * scale)
}

model_rows <- function(dataset, what, variant, fit) {
  fe <- fit$method == "FE"
  pr <- predict(fit)
  vals <- c(k = fit$k, estimate = fit$beta[1], se = fit$se, stat = fit$zval, pval = fit$pval,
            ci_low = fit$ci.lb, ci_high = fit$ci.ub, tau2 = fit$tau2, i2 = fit$I2, h2 = fit$H2,
            q = fit$QE, q_pval = fit$QEp,
            pi_low = if (fe) NA else pr$pi.lb, pi_high = if (fe) NA else pr$pi.ub)
  for (n in names(vals)) add(dataset, what, variant, 0, n, vals[[n]])
}

for (ds in names(sets)) {
  d <- sets[[ds]]
  k <- nrow(d)
  control <- ctl(d$yi, d$vi)
  for (i in seq_len(k)) {
    add(ds, "input", "", i, "yi", d$yi[i])
    add(ds, "input", "", i, "vi", d$vi[i])
  }

  # Egger: rma (REML meta-regression on sei, z test) and lm (weighted regression)
  # (regtest passes control on only from a fitted model)
  reml <- rma(d$yi, d$vi, method = "REML", control = control)
  for (model in c("rma", "lm")) {
    r <- regtest(reml, model = model)
    add(ds, "egger", model, 0, "k", k)
    add(ds, "egger", model, 0, "stat", r$zval)
    add(ds, "egger", model, 0, "df", if (model == "lm") r$dfs else NA)
    add(ds, "egger", model, 0, "pval", r$pval)
    add(ds, "egger", model, 0, "limit_estimate", r$est)
    add(ds, "egger", model, 0, "limit_ci_low", r$ci.lb)
    add(ds, "egger", model, 0, "limit_ci_high", r$ci.ub)
  }

  # Begg and Mazumdar
  r <- ranktest(d$yi, d$vi)
  add(ds, "rank", "", 0, "k", k)
  add(ds, "rank", "", 0, "tau", r$tau)
  add(ds, "rank", "", 0, "pval", r$pval)

  # trim and fill
  for (method in c("FE", "DL", "REML", "PM")) {
    fit <- rma(d$yi, d$vi, method = method, control = control)
    for (estimator in c("L0", "R0")) for (side in c("auto", "left", "right")) {
      tf <- if (side == "auto") trimfill(fit, estimator = estimator, control = control)
            else trimfill(fit, estimator = estimator, side = side, control = control)
      variant <- paste(method, estimator, side, sep = "/")
      add(ds, "trimfill", variant, 0, "k0", tf$k0)
      add(ds, "trimfill", variant, 0, "side_right", as.numeric(tf$side == "right"))
      model_rows(ds, "trimfill", variant, tf)
      if (tf$k0 > 0) {
        filled <- which(tf$fill)
        for (j in seq_along(filled)) {
          add(ds, "trimfill", variant, j, "yi", tf$yi[filled[j]])
          add(ds, "trimfill", variant, j, "vi", tf$vi[filled[j]])
        }
      }
    }
  }

  # influence diagnostics, leave-one-out and weights
  for (method in c("FE", "DL", "REML", "PM")) {
    fit <- rma(d$yi, d$vi, method = method, control = control)
    inf <- influence(fit)
    l1 <- leave1out(fit, control = control)
    w <- weights(fit)
    for (i in seq_len(k)) {
      vals <- c(rstudent = inf$inf$rstudent[i], dffits = inf$inf$dffits[i],
                cook_d = inf$inf$cook.d[i], cov_r = inf$inf$cov.r[i],
                tau2_del = inf$inf$tau2.del[i], qe_del = inf$inf$QE.del[i],
                hat = inf$inf$hat[i], weight = inf$inf$weight[i],
                dfbetas = inf$dfbs[[1]][i], influential = as.numeric(inf$is.infl[i]),
                weights_fn = w[[i]],
                loo_estimate = l1$estimate[i], loo_se = l1$se[i], loo_stat = l1$zval[i],
                loo_pval = l1$pval[i], loo_ci_low = l1$ci.lb[i], loo_ci_high = l1$ci.ub[i],
                loo_q = l1$Q[i], loo_q_pval = l1$Qp[i], loo_tau2 = l1$tau2[i],
                loo_i2 = l1$I2[i], loo_h2 = l1$H2[i])
      for (n in names(vals)) add(ds, "influence", method, i, n, vals[[n]])
    }
  }
}

x <- do.call(rbind, rows)
write.csv(x, "test/fixtures/metafor_bias.csv", row.names = FALSE, quote = FALSE, na = "NA")
cat("metafor_bias.csv", nrow(x), "rows\n")

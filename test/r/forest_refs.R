# Reference numbers for the forest plot's subgroup blocks, Knapp-Hartung
# intervals and prediction interval (src/core/forest_model.c), from
# metafor 3.8-1: test/fixtures/forest_refs.csv, one number a line
# (case, quantity, value).  Run from the repository root:
#   Rscript test/r/forest_refs.R
library(metafor)
stopifnot(packageVersion("metafor") == "3.8.1")
ctl <- list(threshold = 1e-14, maxiter = 100000, tol = 1e-15)  # tol: PM's uniroot

# the seven invented knee-OA trials of doc/forest_plot_example.sql (Hedges' g)
d <- data.frame(
  source = c("BM-MSC", "AD-MSC", "UC-MSC", "BM-MSC", "AD-MSC", "UC-MSC", "AD-MSC"),
  n1 = c(15, 12, 30, 9, 40, 21, 18), m1 = c(-28, -16, -24, -30, -19, -27, -22),
  sd1 = c(17, 19, 18, 15, 20, 16, 18), n2 = c(15, 12, 30, 9, 40, 21, 18),
  m2 = c(-12, -17, -15, -13, -17, -16, -17), sd2 = c(16, 18, 19, 16, 21, 15, 17))
d <- escalc("SMD", m1i = m1, sd1i = sd1, n1i = n1, m2i = m2, sd2i = sd2, n2i = n2, data = d)
# dat.bcg: log risk ratios by allocation
b <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)

out <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, q, v) out[nrow(out) + 1, ] <<- list(case, q, v)

for (ds in c("knee", "bcg")) {
  dat <- if (ds == "knee") d else b
  g <- if (ds == "knee") dat$source else dat$alloc
  groups <- unique(g)   # the order of first appearance, as the plot
  for (i in seq_along(g)) {
    put(paste0(ds, "/data"), "yi", dat$yi[i]); put(paste0(ds, "/data"), "vi", dat$vi[i])
    put(paste0(ds, "/data"), "group", match(g[i], groups) - 1)
  }
  for (method in c("FE", "DL", "REML", "PM")) {
    for (test in c("z", "knha")) {
      case <- paste(ds, method, test, sep = "/")
      r <- rma(dat$yi, dat$vi, method = method, test = test, control = ctl)
      put(case, "estimate", r$b[1]); put(case, "ci_low", r$ci.lb); put(case, "ci_high", r$ci.ub)
      if (method != "FE") {
        p <- predict(r)
        put(case, "pi_low", p$pi.lb); put(case, "pi_high", p$pi.ub)
      }
      # separate tau^2: rma() within each subgroup, fixed-effect Q of their estimates (z)
      est <- se <- numeric(0)
      for (j in seq_along(groups)) {
        rg <- rma(dat$yi, dat$vi, method = method, test = test, subset = g == groups[j], control = ctl)
        rz <- rma(dat$yi, dat$vi, method = method, subset = g == groups[j], control = ctl)
        put(case, paste0("group", j, "_estimate"), rg$b[1])
        put(case, paste0("group", j, "_ci_low"), rg$ci.lb)
        put(case, paste0("group", j, "_ci_high"), rg$ci.ub)
        est <- c(est, rz$b[1]); se <- c(se, rz$se)
      }
      q <- rma(est, sei = se, method = "FE")
      put(case, "q_between", q$QE); put(case, "df", q$k - 1)
      # common tau^2 (z only): QM of rma(mods = ~ factor(g))
      if (test == "z") {
        rc <- rma(dat$yi, dat$vi, mods = ~ factor(g, levels = groups), method = method, control = ctl)
        put(case, "common_q_between", rc$QM)
        rm <- rma(dat$yi, dat$vi, mods = ~ factor(g, levels = groups) - 1, method = method, control = ctl)
        for (j in seq_along(groups)) {
          put(case, paste0("common_group", j, "_estimate"), rm$b[j])
          put(case, paste0("common_group", j, "_ci_low"), rm$ci.lb[j])
          put(case, paste0("common_group", j, "_ci_high"), rm$ci.ub[j])
        }
      }
    }
  }
}
write.csv(out, "test/fixtures/forest_refs.csv", row.names = FALSE)

# Regenerates the metafor reference fixtures of Peto's method and the
# continuity-correction options (src/core/stat_prop.c):
#   Rscript test/r/rare_refs.R   (repository root)
# Needs r-cran-metafor 3.8-1 and r-cran-metadat.  Writes
#   test/fixtures/metafor_peto.csv  rma.peto() of each set (metafor defaults)
#   test/fixtures/metafor_cc.csv    escalc OR/RR/RD per table for add, to, drop00
#   test/fixtures/metafor_mh_cc.csv rma.mh() with the same add, to, drop00
#   test/fixtures/metafor_tables.csv the tables (ai, bi, ci, di) of each set
suppressMessages(library(metafor))

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

y6 <- dat.yusuf1985[dat.yusuf1985$table == "6", ]
y6 <- y6[complete.cases(y6[, c("ai", "n1i", "ci", "n2i")]), ]
tabs <- list(
  bcg          = with(dat.bcg, data.frame(ai = tpos, bi = tneg, ci = cpos, di = cneg)),
  collins1985b = with(dat.collins1985b, data.frame(ai = ned.xti, bi = fup.nti - ned.xti,
                                                   ci = ned.xci, di = fup.nci - ned.xci)),
  yusuf1985_6  = with(y6, data.frame(ai = ai, bi = n1i - ai, ci = ci, di = n2i - ci)),
  nielweise2007 = with(dat.nielweise2007, data.frame(ai = ai, bi = n1i - ai, ci = ci, di = n2i - ci)),
  # adverse events of small MSC trials: a table without events, one where
  # everybody had one, a zero cell, and ordinary tables
  msc_ae       = data.frame(ai = c(0, 2, 1, 0, 12, 3), bi = c(15, 18, 11, 20, 0, 27),
                            ci = c(0, 1, 0, 2, 10, 5), di = c(14, 19, 12, 18, 0, 25))
)

tables <- list(); peto <- list(); cc <- list(); mh <- list()
for (name in names(tabs)) {
  d <- tabs[[name]]
  d <- d[complete.cases(d), ]    # collins1985b's trial 6 reports no such events
  tables[[length(tables) + 1]] <- data.frame(dataset = name, study = seq_len(nrow(d)), d)
  fit <- rma.peto(ai = d$ai, bi = d$bi, ci = d$ci, di = d$di)
  peto[[length(peto) + 1]] <- data.frame(dataset = name, k = fit$k, k_yi = fit$k.yi,
    estimate = fmt(fit$beta[1]), se = fmt(fit$se), stat = fmt(fit$zval), pval = fmt(fit$pval),
    ci_lb = fmt(fit$ci.lb), ci_ub = fmt(fit$ci.ub), q = fmt(fit$QE), q_pval = fmt(fit$QEp),
    i2 = fmt(fit$I2), h2 = fmt(fit$H2))
  for (measure in c("OR", "RR", "RD")) for (add in c(0.5, 0.25)) for (to in c("only0", "all", "if0all", "none"))
    for (drop00 in c(FALSE, TRUE)) {
      e <- suppressWarnings(escalc(measure, ai = d$ai, bi = d$bi, ci = d$ci, di = d$di,
                                   add = add, to = to, drop00 = drop00))
      cc[[length(cc) + 1]] <- data.frame(dataset = name, measure = measure, add = add, to = to,
        drop00 = drop00, study = seq_len(nrow(d)), yi = fmt(e$yi), vi = fmt(e$vi))
      fit <- tryCatch(suppressWarnings(rma.mh(ai = d$ai, bi = d$bi, ci = d$ci, di = d$di, measure = measure,
                                             add = add, to = to, drop00 = drop00)),
                      error = function(err) NULL)
      if (is.null(fit)) next
      mh[[length(mh) + 1]] <- data.frame(dataset = name, measure = measure, add = add, to = to,
        drop00 = drop00, k = fit$k, estimate = fmt(fit$beta[1]), se = fmt(fit$se),
        q = fmt(fit$QE), q_pval = fmt(fit$QEp), i2 = fmt(fit$I2), h2 = fmt(fit$H2))
    }
}

out <- function(rows, file) {
  x <- do.call(rbind, rows)
  write.csv(x, file.path("test/fixtures", file), row.names = FALSE, quote = FALSE, na = "NA")
  cat(file, nrow(x), "rows\n")
}
out(tables, "metafor_tables.csv")
out(peto, "metafor_peto.csv")
out(cc, "metafor_cc.csv")
out(mh, "metafor_mh_cc.csv")

#!/usr/bin/env bash
# The PGXN release zip (issue 18): `make dist`, then
# - its layout: one directory msc_registry-VERSION/ with META.json in it,
#   exactly the files of the commit (git ls-tree HEAD: nothing built,
#   nothing from outside the repository);
# - META.json against the zip's own files: version = every provided
#   extension's default_version = the zip's name, provides = the zip's
#   control files, each docfile in the zip, release_status a PGXN value and
#   not "stable" for a 0.y.z version (SemVer: initial development);
# - it builds warning-free from the unpacked zip alone (outside any git
#   repository, git hidden), the build assembles provides.file and the
#   upgrade scripts, and installcheck passes against that build, installed
#   into the unpacked tree's build/destdir and loaded through
#   extension_destdir as scripts/dev-check.sh does (not the system).
# By hand (about 2 minutes, most of it the build and pg_regress; not in
# `make shelltest`): test/dist.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

make -s dist 2>&1 | grep -v "^git archive" || true
version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" msc_registry.control)
name=msc_registry-$version
zip=$PWD/build/$name.zip
[ -f "$zip" ] || { echo "dist: make dist wrote no build/$name.zip" >&2; exit 1; }
work=$(mktemp -d /tmp/msc_dist.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

# ---- the zip's files ----
unzip -Z1 "$zip" | grep -v '/$' | sort > "$work/zip.list"
check "every file is under $name/" "" "$(grep -v "^$name/" "$work/zip.list" || true)"
check "the files are those of the commit, nothing more or less" "" \
  "$(diff <(sed "s|^$name/||" "$work/zip.list") <(git ls-tree -r --name-only HEAD | sort) || true)"
check "no build output (objects, libraries, bitcode, build/, results/)" "" \
  "$(grep -E '\.(o|so|bc|a)$|^[^/]+/(build|results|log)/|(^|/)regression\.(diffs|out)$' "$work/zip.list" || true)"
check "no symbolic link" "" "$(unzip -Z -l "$zip" | awk '$1 ~ /^l/' || true)"

(cd "$work" && unzip -q "$zip")
src=$work/$name
check "META.json at the root of $name/" yes "$([ -f "$src/META.json" ] && echo yes || echo no)"

# ---- META.json against the zip's own files ----
meta_report=$(cd "$src" && perl -MJSON::PP -e '
  local $/; open my $f, "<", "META.json" or die; my $m = decode_json(<$f>);
  my @out;
  push @out, "version $m->{version}";
  push @out, "release_status " . ($m->{release_status} // "none");
  for my $x (sort keys %{$m->{provides}}) {
    my $p = $m->{provides}{$x};
    open my $c, "<", "$x.control" or do { push @out, "provides $x: no $x.control"; next };
    my ($v) = <$c> =~ /^default_version = '"'"'(.*)'"'"'/m;
    push @out, "provides $x $p->{version} control $v docfile " . (-f $p->{docfile} ? "present" : "missing") . " file $p->{file}";
  }
  print join("\n", @out), "\n";')
printf '%s\n' "$meta_report" | sed 's/^/# /'
check "META.json version is the zip's" "version $version" "$(grep '^version ' <<<"$meta_report")"
controls=$(cd "$src" && ls *.control | sed 's/\.control$//' | sort | xargs)
check "provides names every control file of the zip" "$controls" \
  "$(grep '^provides ' <<<"$meta_report" | awk '{print $2}' | sort | xargs)"
check "each provided extension: META.json version = control default_version = $version, docfile in the zip" "" \
  "$(grep '^provides ' <<<"$meta_report" | awk -v v="$version" '$3 != v || $5 != v || $7 != "present"' || true)"
status=$(sed -n 's/^release_status //p' <<<"$meta_report")
case $status in
  stable|testing|unstable) ok "release_status $status is a PGXN value";;
  *) bad "release_status $status is not stable, testing or unstable";;
esac
if [ "${version%%.*}" = 0 ] && [ "$status" = stable ]; then
  bad "version $version is initial development (0.y.z) but release_status is stable"
else
  ok "release_status $status fits version $version"
fi

# ---- build, install and test from the zip alone ----
dest=$src/build/destdir
export GIT_DIR=/nonexistent GIT_CEILING_DIRECTORIES=$work
start=$SECONDS
if (cd "$src" && make -s 2>&1 | tee "$work/build.log" >/dev/null && make -s install DESTDIR="$dest" >/dev/null); then
  ok "builds and installs from the unpacked zip ($((SECONDS - start)) s)"
else
  bad "builds and installs from the unpacked zip" "$(tail -20 "$work/build.log")"
fi
check "no compiler warning" "" "$(grep -E 'warning:|error:' "$work/build.log" || true)"
for f in $(grep '^provides ' <<<"$meta_report" | awk '{print $9}'); do
  check "the build assembles provides.file $f" yes "$([ -s "$src/$f" ] && echo yes || echo no)"
done
check "the upgrade scripts are installed" \
  "$(cd "$src/src/sql/upgrades" && ls | sed 's/\.in$//' | sort | xargs)" \
  "$(cd "$dest$(pg_config --sharedir)/extension" && ls msc_registry--*--*.sql | sort | xargs)"
chmod -R a+rX "$src"
exec 9>/tmp/msc_registry_dev_check.lock
flock 9
start=$SECONDS
if (cd "$src" && pg_virtualenv -o "extension_destdir=$dest" -o "dynamic_library_path=$dest$(pg_config --pkglibdir):\$libdir" \
      make -s installcheck) > "$work/installcheck.log" 2>&1; then
  ok "installcheck from the unpacked zip ($((SECONDS - start)) s): $(grep -Eo 'All [0-9]+ tests passed' "$work/installcheck.log")"
else
  bad "installcheck from the unpacked zip" "$(tail -30 "$work/installcheck.log"; head -60 "$src/regression.diffs" 2>/dev/null)"
fi
summary dist

#!/usr/bin/perl
# META.json: valid JSON, PGXN meta-spec 1.0.0, in step with the control
# file: the version, and provides.file naming the install script the build
# assembles for that version.
use strict;
use warnings;
use JSON::PP;

local $/;
open my $f, '<', 'META.json' or die "META.json: $!\n";
my $m = decode_json(<$f>);
open my $c, '<', 'msc_registry.control' or die "msc_registry.control: $!\n";
my ($v) = <$c> =~ /^default_version = '(.*)'/m or die "msc_registry.control has no default_version\n";
for my $k (qw(name abstract version maintainer license provides meta-spec)) {
    die "META.json lacks $k\n" unless $m->{$k};
}
my $p = $m->{provides}{msc_registry} or die "META.json: provides lacks msc_registry\n";
die "META.json version $m->{version} is not the control file version $v\n" unless $m->{version} eq $v;
die "provides.msc_registry.version is not $v\n" unless $p->{version} eq $v;
die "provides.msc_registry.file is $p->{file}, not build/msc_registry--$v.sql\n"
    unless $p->{file} eq "build/msc_registry--$v.sql";
die "provides.msc_registry.docfile $p->{docfile} does not exist\n" unless -f $p->{docfile};
die "meta-spec is not 1.0.0\n" unless $m->{"meta-spec"}{version} eq "1.0.0";
print "META.json ok: version $v, provides build/msc_registry--$v.sql\n";

#!/usr/bin/perl
# Every ```sql block of README.md must appear verbatim in the expected
# output of a regression test (most in readme_tour's), so the README's
# examples are exactly what the test suite runs and checks.
use strict;
use warnings;

local $/;
open my $r, '<', 'README.md' or die "README.md: $!\n";
my $readme = <$r>;
my $expected = '';
for my $file (sort glob 'expected/*.out') {
    open my $e, '<', $file or die "$file: $!\n";
    $expected .= <$e>;
}

my ($blocks, @missing) = (0);
while ($readme =~ /```sql\n(.*?)```/sg) {
    my $block = $1;
    $blocks++;
    push @missing, $block unless index($expected, $block) >= 0;
}
if (@missing) {
    print STDERR "README block not in any expected/*.out:\n$_\n" for @missing;
    print "README examples: $blocks blocks, " . scalar(@missing) . " not run by the tests\n";
    exit 1;
}
print "README examples: all $blocks sql blocks are run by the regression tests\n";

#!/usr/bin/perl
# Every ```sql block of README.md, doc/*.md and bench/README.md must appear
# verbatim in the expected output of a regression test (most in
# readme_tour's, registry's and doc_examples'), so the documentation's examples are exactly
# what the test suite runs and checks.
use strict;
use warnings;

local $/;
my $expected = '';
for my $file (sort glob 'expected/*.out') {
    open my $e, '<', $file or die "$file: $!\n";
    $expected .= <$e>;
}

my ($blocks, @missing) = (0);
for my $doc ('README.md', sort(glob('doc/*.md')), 'bench/README.md') {
    open my $r, '<', $doc or die "$doc: $!\n";
    my $text = <$r>;
    while ($text =~ /```sql\n(.*?)```/sg) {
        my $block = $1;
        $blocks++;
        push @missing, "$doc:\n$block" unless index($expected, $block) >= 0;
    }
}
if (@missing) {
    print STDERR "block not in any expected/*.out, in $_\n" for @missing;
    print "documentation examples: $blocks blocks, " . scalar(@missing) . " not run by the tests\n";
    exit 1;
}
print "documentation examples: all $blocks sql blocks of README.md, doc/*.md and bench/README.md are run by the regression tests\n";

"""LOG011: eager messages rewritten as constant %-style messages."""

from __future__ import annotations

import pytest

from tests.test_fix import assert_body_fixed, assert_body_left


class TestFString:
    @pytest.mark.parametrize(
        ("before", "after"),
        [
            (
                'logger.info(f"user {name} logged in")',
                'logger.info("user %s logged in", name)',
            ),
            (
                'logger.info(f"got {value!r} {value!s} {value!a}")',
                'logger.info("got %r %s %a", value, value, value)',
            ),
            (
                'logger.info(f"é {x} ü")',
                'logger.info("é %s ü", x)',
            ),
            (
                'logger.info(f"{a, b}")',
                'logger.info("%s", (a, b))',
            ),
            (
                'logger.log(logging.INFO, f"x {a}")',
                'logger.log(logging.INFO, "x %s", a)',
            ),
        ],
        ids=["plain", "conversions", "unicode", "tuple", "log-level-first"],
    )
    def test_fields(self, before: str, after: str) -> None:
        assert_body_fixed(before, after)

    @pytest.mark.parametrize(
        ("spec", "placeholder"),
        [
            (".2f", "%.2f"),
            ("05d", "%05d"),
            ("10s", "%-10s"),
            (">10s", "%10s"),
            ("+.1e", "%+.1e"),
            ("#x", "%#x"),
            ("x", "%x"),
            ("o", "%o"),
            ("e", "%e"),
            ("g", "%g"),
            ("c", "%c"),
            ("08.3f", "%08.3f"),
            ("<5d", "%-5d"),
            (" d", "% d"),
            (">5.2f", "%5.2f"),
        ],
    )
    def test_format_spec_with_exact_placeholder(
        self, spec: str, placeholder: str
    ) -> None:
        assert_body_fixed(
            f'logger.info(f"total {{x:{spec}}}")',
            f'logger.info("total {placeholder}", x)',
        )

    @pytest.mark.parametrize(
        "spec",
        [",", "^10", "%Y-%m-%d", "10", ".3", "_d", "=+8d", "*>8", "b", "%", ">10"],
    )
    def test_format_spec_without_equivalent_passes_format(self, spec: str) -> None:
        assert_body_fixed(
            f'logger.info(f"total {{x:{spec}}}")',
            f'logger.info("total %s", format(x, "{spec}"))',
        )

    def test_conversion_with_spec(self) -> None:
        assert_body_fixed(
            'logger.info(f"{x!r:>8} {x!s:.3} {x!r:^10}")',
            'logger.info("%8r %.3s %s", x, x, format(repr(x), "^10"))',
        )

    def test_literal_percent_is_doubled(self) -> None:
        assert_body_fixed(
            'logger.info(f"{pct}% done")',
            'logger.info("%s%% done", pct)',
        )

    def test_percent_kept_when_nothing_is_passed(self) -> None:
        assert_body_fixed(
            'logger.info(f"done 100%")',
            'logger.info("done 100%")',
        )

    def test_doubled_braces_become_single(self) -> None:
        assert_body_fixed(
            'logger.info(f"{{literal}} {x} }}")',
            'logger.info("{literal} %s }", x)',
        )

    def test_escapes_are_kept(self) -> None:
        assert_body_fixed(
            r'logger.info(f"tab\t{x}\n\N{EN DASH} {{")',
            r'logger.info("tab\t%s\n\N{EN DASH} {", x)',
        )

    def test_raw_fstring(self) -> None:
        assert_body_fixed(
            r'logger.info(rf"C:\dir\{name} \d+ %")',
            r'logger.info(r"C:\dir\%s \d+ %%", name)',
        )

    def test_nested_quotes(self) -> None:
        assert_body_fixed(
            "logger.info(f\"key {d['k']}\")\nlogger.info(f'key {d[\"k\"]}')",
            "logger.info(\"key %s\", d['k'])\nlogger.info('key %s', d[\"k\"])",
        )

    def test_self_documenting_fields(self) -> None:
        assert_body_fixed(
            'logger.info(f"{x=} {y = :.1f} {x=!s}")',
            'logger.info("x=%r y = %.1f x=%s", x, y, x)',
        )

    def test_triple_quoted(self) -> None:
        assert_body_fixed(
            'logger.info(f"""triple {x}\nsecond line""")',
            'logger.info("""triple %s\nsecond line""", x)',
        )

    def test_keywords_untouched(self) -> None:
        assert_body_fixed(
            'logger.error(f"x {a}", exc_info=True, extra={"k": 1}, '
            "stacklevel=2, stack_info=True)",
            'logger.error("x %s", a, exc_info=True, extra={"k": 1}, '
            "stacklevel=2, stack_info=True)",
        )

    def test_static_fstring_with_arguments_loses_its_prefix(self) -> None:
        assert_body_fixed(
            'logger.info(f"static %s", y)',
            'logger.info("static %s", y)',
        )


class TestImplicitConcatenation:
    def test_pieces_keep_their_quotes(self) -> None:
        assert_body_fixed(
            'logger.info(f"a {x} " "b 100% " f\'c {y}\')',
            'logger.info("a %s " "b 100%% " \'c %s\', x, y)',
        )

    def test_one_argument_a_line(self) -> None:
        assert_body_fixed(
            'logger.info(\n    f"first {a} "\n    f"second {b}"\n)',
            'logger.info(\n    "first %s "\n    "second %s",\n    a,\n    b,\n)',
        )

    def test_before_keywords(self) -> None:
        assert_body_fixed(
            'logger.info(\n    f"first {a} "\n    f"second {b}",\n'
            '    extra={"k": 1},\n)',
            'logger.info(\n    "first %s "\n    "second %s",\n    a,\n    b,\n'
            '    extra={"k": 1},\n)',
        )

    def test_comment_stays_on_the_message_line(self) -> None:
        assert_body_fixed(
            'logger.info(  # why\n    f"first {a}",  # note\n    exc_info=True,\n)',
            'logger.info(  # why\n    "first %s",  # note\n    a,\n'
            "    exc_info=True,\n)",
        )

    def test_parenthesised_format_string(self) -> None:
        assert_body_fixed(
            'logger.info(("a {x}"\n             " b {y}").format(x=a, y=b))',
            'logger.info(("a %s"\n             " b %s"), a, b)',
        )


class TestFormatMethod:
    @pytest.mark.parametrize(
        ("before", "after"),
        [
            (
                'logger.info("{} and {}".format(a, b))',
                'logger.info("%s and %s", a, b)',
            ),
            ('logger.info("{1} {0}".format(a, b))', 'logger.info("%s %s", b, a)'),
            ('logger.info("{name}".format(name=name))', 'logger.info("%s", name)'),
            (
                'logger.info("{0.x} {0[k]} {0[1]}".format(obj))',
                "logger.info(\"%s %s %s\", obj.x, obj['k'], obj[1])",
            ),
            (
                'logger.info("{:.3f} {!r}".format(total, name))',
                'logger.info("%.3f %r", total, name)',
            ),
            ('logger.info("{} 50%".format(x))', 'logger.info("%s 50%%", x)'),
        ],
        ids=["auto", "indexed", "keyword", "accessors", "spec-conversion", "percent"],
    )
    def test_rewritten(self, before: str, after: str) -> None:
        assert_body_fixed(before, after)

    @pytest.mark.parametrize(
        ("before", "reason"),
        [
            ('logger.info("{0} {0}".format(obj.get()))', "used more or less than once"),
            ('logger.info("{1} {0}".format(a(), b()))', "in a different order"),
            ('logger.info("{} {}".format(*pair))', "unpacks its values"),
            ('logger.info("{:{w}}".format(x, w=5))', "nested `{}` field"),
        ],
        ids=["repeated-call", "reordered-calls", "unpacked", "nested-spec"],
    )
    def test_left_with_reason(self, before: str, reason: str) -> None:
        assert_body_left(before, reason)


class TestPercentOperator:
    @pytest.mark.parametrize(
        ("before", "after"),
        [
            ('logger.info("%s and %d" % (a, b))', 'logger.info("%s and %d", a, b)'),
            ('logger.info("%s" % a)', 'logger.info("%s", a)'),
            ('logger.info("%s" % (a,))', 'logger.info("%s", a)'),
            ('logger.info("%(a)s" % {"a": 1})', 'logger.info("%(a)s", {"a": 1})'),
            ('logger.info("%s %s" % pair)', 'logger.info("%s %s", *pair)'),
            ('logger.info("%s" % "%")', 'logger.info("%s", "%")'),
            ('logger.info("%d%%" % pct)', 'logger.info("%d%%", pct)'),
        ],
        ids=["tuple", "single", "one-tuple", "mapping", "pair", "percent", "escape"],
    )
    def test_rewritten(self, before: str, after: str) -> None:
        assert_body_fixed(before, after)

    def test_mismatch_left(self) -> None:
        assert_body_left(
            'logger.info("%s %s" % (a,))', "placeholders and values after `%`"
        )


class TestConcatenation:
    @pytest.mark.parametrize(
        ("before", "after"),
        [
            ('logger.info("a " + b)', 'logger.info("a %s", b)'),
            ('logger.info("a " + str(b) + " c")', 'logger.info("a %s c", b)'),
            ('logger.info("a " + repr(b))', 'logger.info("a %r", b)'),
            ("logger.info('it\\'s ' + x)", "logger.info('it\\'s %s', x)"),
            (
                'logger.info("progress " + pct + "%")',
                'logger.info("progress %s%%", pct)',
            ),
            ("logger.info(\"a \" + x + 'b')", 'logger.info("a %sb", x)'),
            (
                'logger.info(name + ": " + f"{x:.1f}")',
                'logger.info("%s: %.1f", name, x)',
            ),
        ],
        ids=["two", "str-call", "repr-call", "escaped-quote", "percent", "quotes", "f"],
    )
    def test_rewritten(self, before: str, after: str) -> None:
        assert_body_fixed(before, after)


class TestPlaceholdersAlreadyThere:
    def test_values_go_in_their_places(self) -> None:
        assert_body_fixed(
            'logger.info(f"{x} %s {y} %d", a, b)',
            'logger.info("%s %s %s %d", x, a, y, b)',
        )

    def test_one_argument_a_line(self) -> None:
        assert_body_fixed(
            "logger.error(\n"
            '    f"Error calling {x.__qualname__} in on_commit() (%s).",\n'
            "    a,\n"
            "    exc_info=True,\n"
            ")",
            "logger.error(\n"
            '    "Error calling %s in on_commit() (%s).",\n'
            "    x.__qualname__,\n"
            "    a,\n"
            "    exc_info=True,\n"
            ")",
        )

    def test_format_method(self) -> None:
        assert_body_fixed(
            'logger.info("{} %s".format(x), a)', 'logger.info("%s %s", x, a)'
        )


class TestLeftAlone:
    @pytest.mark.parametrize(
        ("before", "reason"),
        [
            ('logger.info(msg=f"{x}")', "passed as `msg=`"),
            ('logger.info(f"{x} %s", a, b)', "do not match the arguments given"),
            ('logger.info(f"{x()} %s", a())', "in a different order"),
            ('logger.info("prefix " + x, a)', "do not match the arguments given"),
            ('logger.info(f"{x} %(k)s", d)', "`%(key)s` placeholders"),
            ('logger.info(f"{x:{y}}")', "nested `{}` field"),
        ],
        ids=[
            "keyword-message",
            "placeholder-count",
            "reordered-calls",
            "template-variable",
            "keyed",
            "nested-spec",
        ],
    )
    def test_reason(self, before: str, reason: str) -> None:
        assert_body_left(before, reason)

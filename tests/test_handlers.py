"""LOG016-LOG018, LOG021-LOG024: what except handlers do with the error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.util import messages, results

# Header for snippets that log: a module logger keeps LOG020 quiet.
LOGGER = """\
import logging

logger = logging.getLogger(__name__)
"""


class TestHandlerPrecedence:
    def test_silent_bare_handler_is_log018_only(self) -> None:
        src = """
        try:
            work()
        except:
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]

    def test_silent_broad_handler_is_log018_only(self) -> None:
        src = """
        try:
            work()
        except Exception:
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]

    def test_explained_silent_bare_handler_is_log016(self) -> None:
        src = """
        try:
            work()
        except:  # the cache is optional
            pass
        """

        assert results(src) == [(4, 0, "LOG016")]

    def test_explained_silent_broad_handler_is_excused_from_log017(self) -> None:
        src = """
        try:
            work()
        except Exception:
            # the cache is optional
            pass
        """

        assert results(src) == []

    def test_each_handler_of_one_try_is_judged_on_its_own(self) -> None:
        src = """
        try:
            work()
        except ValueError:
            pass
        except Exception:
            fallback = 1
        except:
            fallback = 2
        """

        assert results(src) == [(4, 0, "LOG018"), (6, 0, "LOG017"), (8, 0, "LOG016")]

    def test_reported_at_the_except_keyword_of_a_nested_handler(self) -> None:
        src = """
        def f():
            for item in items:
                try:
                    work(item)
                except Exception:
                    continue
        """

        assert results(src) == [(6, 8, "LOG018")]


class TestLOG016:
    def test_bare_except_with_a_fallback(self) -> None:
        src = """
        def load():
            try:
                return read()
            except:
                return {"debug": False}
        """

        assert results(src) == [(5, 4, "LOG016")]

    def test_bare_except_that_ends_with_raise(self) -> None:
        src = """
        try:
            work()
        except:
            cleanup()
            raise
        """

        assert results(src) == []

    def test_bare_raise_anywhere_at_the_top_level_of_the_body(self) -> None:
        src = """
        try:
            work()
        except:
            raise
            cleanup()
        """

        assert results(src) == []

    def test_raise_under_an_if_is_not_a_reraise(self) -> None:
        # Known false positive (documented): only a top-level `raise` counts.
        src = """
        try:
            work()
        except:
            if strict:
                raise
            cleanup()
        """

        assert results(src) == [(4, 0, "LOG016")]

    def test_handing_the_exception_on_is_not_a_reraise(self) -> None:
        # Known false positive (documented): the catch-all passes the error on
        # as a Twisted failure instead of raising it.
        src = """
        def maybe_deferred(f):
            try:
                result = f()
            except:
                return defer.fail(failure.Failure())
            return defer.succeed(result)
        """

        assert results(src) == [(5, 4, "LOG016")]

    def test_raising_another_error_still_catches_interrupts(self) -> None:
        src = """
        try:
            work()
        except:
            raise RuntimeError("failed") from None
        """

        assert results(src) == [(4, 0, "LOG016")]

    def test_raise_in_a_nested_function_is_not_a_reraise(self) -> None:
        src = """
        try:
            work()
        except:
            def again():
                raise
            retry(again)
        """

        assert results(src) == [(4, 0, "LOG016")]

    def test_async_function(self) -> None:
        src = """
        async def fetch():
            try:
                await work()
            except:
                await cleanup()
        """

        assert results(src) == [(5, 4, "LOG016")]

    def test_typed_except_is_not_bare(self) -> None:
        src = """
        try:
            work()
        except OSError:
            cleanup()
        """

        assert results(src) == []


class TestLOG017:
    @pytest.mark.parametrize(
        "caught",
        [
            "Exception",
            "BaseException",
            "builtins.Exception",
            "builtins.BaseException",
            "(ValueError, Exception)",
        ],
    )
    def test_broad_handler_with_a_fallback_value(self, caught: str) -> None:
        src = f"""
        try:
            value = compute()
        except {caught}:
            value = None
        """

        assert results(src) == [(4, 0, "LOG017")]

    def test_message_names_the_caught_types(self) -> None:
        src = """
        try:
            value = compute()
        except (ValueError, Exception):
            value = None
        """

        assert messages(src) == [
            (
                "LOG017 `except (ValueError, Exception)` hides the error: "
                "no re-raise, no log, no use"
            )
        ]

    def test_specific_handler_is_not_broad(self) -> None:
        src = """
        try:
            value = compute()
        except ValueError:
            value = None
        """

        assert results(src) == []

    def test_exception_of_another_module_is_not_broad(self) -> None:
        src = """
        try:
            value = compute()
        except errors.Exception:
            value = None
        """

        assert results(src) == []

    def test_any_raise_in_the_body_re_raises(self) -> None:
        src = """
        try:
            value = compute()
        except Exception:
            if strict:
                raise
            value = None
        """

        assert results(src) == []

    def test_raising_another_error_counts(self) -> None:
        src = """
        try:
            value = compute()
        except Exception:
            raise RuntimeError("compute failed") from None
        """

        assert results(src) == []

    def test_raise_inside_a_nested_function_does_not_count(self) -> None:
        src = """
        try:
            value = compute()
        except Exception:
            def fail():
                raise RuntimeError("later") from None
            value = fail
        """

        assert results(src) == [(4, 0, "LOG017")]

    @pytest.mark.parametrize(
        "call",
        [
            'logger.warning("compute failed")',
            'logger.critical("compute failed")',
            'logger.exception("compute failed")',
            'logger.info("compute failed", exc_info=True)',
            'logger.log(level, "compute failed")',
            'logger.log(logging.ERROR, "compute failed")',
        ],
    )
    def test_logging_loudly_counts(self, call: str) -> None:
        src = (
            LOGGER
            + f"""
try:
    value = compute()
except Exception:
    {call}
    value = None
"""
        )

        assert results(src) == []

    @pytest.mark.parametrize(
        "call",
        [
            'logger.info("compute failed")',
            'logger.debug("compute failed", exc_info=False)',
            'logger.log(logging.DEBUG, "compute failed")',
        ],
    )
    def test_logging_quietly_does_not_count(self, call: str) -> None:
        src = (
            LOGGER
            + f"""
try:
    value = compute()
except Exception:
    {call}
    value = None
"""
        )

        assert results(src) == [(7, 0, "LOG017")]

    def test_logging_in_a_nested_handler_counts(self) -> None:
        src = (
            LOGGER
            + """
try:
    value = compute()
except Exception:
    try:
        value = fallback()
    except OSError:
        logger.warning("no fallback either")
"""
        )

        assert results(src) == []

    def test_logging_in_a_nested_function_does_not_count(self) -> None:
        src = (
            LOGGER
            + """
try:
    value = compute()
except Exception:
    def report():
        logger.warning("compute failed")
    value = report
"""
        )

        assert results(src) == [(7, 0, "LOG017")]

    def test_using_the_bound_name_counts(self) -> None:
        src = """
        try:
            value = compute()
        except Exception as exc:
            value = Failed(type(exc))
        """

        assert results(src) == []

    def test_using_the_name_in_a_closure_counts(self) -> None:
        src = """
        try:
            value = compute()
        except Exception as exc:
            value = lambda: exc
        """

        assert results(src) == []

    def test_bound_but_unused_name(self) -> None:
        src = """
        try:
            value = compute()
        except Exception as exc:
            value = None
        """

        assert results(src) == [(4, 0, "LOG017")]

    @pytest.mark.parametrize(
        "call",
        [
            "capture_exception()",
            "sentry_sdk.capture_exception()",
            "info = sys.exc_info()",
            "text = traceback.format_exc()",
            "frames = inspect.trace()",
            "d = defer.fail(failure.Failure())",
            "einfo = ExceptionInfo()",
        ],
    )
    def test_reporting_or_reading_the_current_exception_counts(self, call: str) -> None:
        src = f"""
        try:
            value = compute()
        except Exception:
            {call}
            value = None
        """

        assert results(src) == []

    def test_reporter_functions_setting(self) -> None:
        src = """
        try:
            value = compute()
        except Exception:
            alerts.notify_ops()
            value = None
        """

        assert results(src) == [(4, 0, "LOG017")]
        assert results(src, reporter_functions=("alerts.notify_ops",)) == []
        assert results(src, reporter_functions=("notify_ops",)) == []

    def test_reporter_setting_adds_to_the_defaults(self) -> None:
        src = """
        try:
            value = compute()
        except Exception:
            capture_exception()
            value = None
        """

        assert results(src, reporter_functions=("notify_ops",)) == []

    def test_comment_does_not_excuse_a_fallback_value(self) -> None:
        # Only a silent handler is excused by its comment (as for LOG018):
        # here the error still vanishes into a fallback value.
        src = """
        try:
            value = compute()
        except Exception:
            # Some backends raise on bad keys: start again with nothing.
            value = None
        """

        assert results(src) == [(4, 0, "LOG017")]

    def test_tool_directive_is_not_an_explanation(self) -> None:
        src = """
        try:
            value = compute()
        except Exception:  # pylint: disable=broad-except
            value = None
        """

        assert results(src) == [(4, 0, "LOG017")]

    def test_helper_reading_exc_info_is_not_seen(self) -> None:
        # Known false positive (documented): a helper of one's own that reads
        # sys.exc_info() is not followed unless listed in reporter-functions.
        src = """
        try:
            value = compute()
        except Exception:
            report_current_error()
            value = None
        """

        assert results(src) == [(4, 0, "LOG017")]

    def test_except_star(self) -> None:
        src = """
        try:
            value = compute()
        except* Exception:
            value = None
        """

        assert results(src) == [(4, 0, "LOG017")]

    def test_async_function(self) -> None:
        src = """
        async def fetch():
            try:
                return await compute()
            except Exception:
                result = None
            return result
        """

        assert results(src) == [(5, 4, "LOG017")]


class TestLOG018:
    @pytest.mark.parametrize(
        "body",
        [
            "pass",
            "...",
            "continue",
            "break",
            "return",
            "return None",
            "return -1",
            "return 42",
            "return 'n/a'",
            "return []",
            "return {}",
            "return ()",
            "return ''",
            "return False",
            "return 0",
            "pass\n            continue",
        ],
    )
    def test_silent_bodies(self, body: str) -> None:
        src = f"""
        def f(items):
            for item in items:
                try:
                    work(item)
                except OSError:
                    {body}
        """

        assert results(src) == [(6, 8, "LOG018")]

    @pytest.mark.parametrize(
        "body",
        [
            "return fallback",
            "return [None]",
            "return -limit",
            "cleanup()",
            "count += 1",
        ],
    )
    def test_bodies_that_do_something(self, body: str) -> None:
        src = f"""
        def f():
            try:
                work()
            except OSError:
                {body}
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        ("caught", "expected"),
        [
            ("", "LOG018 bare `except:` swallows the exception and does nothing"),
            (
                " Exception",
                (
                    "LOG018 broad `except Exception:` swallows the exception and does "
                    "nothing"
                ),
            ),
            (
                " (OSError, ValueError)",
                (
                    "LOG018 specific `except (OSError, ValueError):` swallows the "
                    "exception and does nothing"
                ),
            ),
        ],
    )
    def test_message_says_bare_broad_or_specific(
        self, caught: str, expected: str
    ) -> None:
        src = f"""
        try:
            work()
        except{caught}:
            pass
        """

        assert messages(src) == [expected]

    @pytest.mark.parametrize(
        "src",
        [
            """
            try:
                work()
            except OSError:  # the file is optional
                pass
            """,
            """
            try:
                work()
            except OSError:
                # the file is optional
                pass
            """,
            """
            try:
                work()
            except OSError:
                pass  # the file is optional
            """,
            """
            try:
                work()
            except OSError:
                pass
                # the file is optional
            after()
            """,
            """
            try:
                work()
            except (
                OSError,  # the file is optional
                ValueError,
            ):
                pass
            """,
        ],
    )
    def test_comment_on_the_except_line_or_in_the_body(self, src: str) -> None:
        assert results(src) == []

    @pytest.mark.parametrize(
        "comment",
        [
            "# noqa",
            "# noqa: E722",
            "# noqa:E722,B001",
            "# NOQA",
            "# pragma: no cover",
            "# type: ignore[attr-defined]",
            "# pylint: disable=broad-except",
            "# nosec",
            "# nosec B110",
            "#",
        ],
    )
    def test_tool_directives_are_not_explanations(self, comment: str) -> None:
        src = f"""
        try:
            work()
        except OSError:  {comment}
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]

    @pytest.mark.parametrize(
        "comment",
        [
            "# noqa: E722 the cache is optional",
            "# pragma: no cover - the cache is optional",
            "# type: ignore  # the cache is optional",
        ],
    )
    def test_directive_followed_by_a_reason(self, comment: str) -> None:
        src = f"""
        try:
            work()
        except OSError:  {comment}
            pass
        """

        assert results(src) == []

    def test_hash_inside_a_string_is_not_a_comment(self) -> None:
        src = """
        def f():
            try:
                work()
            except OSError:
                return "#not a comment"
        """

        assert results(src) == [(5, 4, "LOG018")]

    def test_hash_inside_a_triple_quoted_string_is_not_a_comment(self) -> None:
        src = '''
        def f():
            try:
                work()
            except OSError:
                return """
                # not a comment
                """
        '''

        assert results(src) == [(5, 4, "LOG018")]

    def test_comment_after_the_handler_does_not_count(self) -> None:
        src = """
        try:
            work()
        except OSError:
            pass
        # this explains the next statement
        after()
        """

        assert results(src) == [(4, 0, "LOG018")]

    def test_comment_above_the_except_line_does_not_count(self) -> None:
        # Known false positive (documented): only the except line and the body.
        src = """
        try:
            work()
        # the file is optional
        except OSError:
            pass
        """

        assert results(src) == [(5, 0, "LOG018")]

    def test_comment_of_the_next_handler_does_not_count(self) -> None:
        src = """
        try:
            work()
        except OSError:
            pass
        except ValueError:  # bad input is ignored
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]

    @pytest.mark.parametrize(
        "caught",
        [
            "KeyError",
            "IndexError",
            "LookupError",
            "AttributeError",
            "ImportError",
            "ModuleNotFoundError",
            "StopIteration",
            "StopAsyncIteration",
            "GeneratorExit",
            "FileNotFoundError",
            "FileExistsError",
            "NotImplementedError",
            "(KeyError, AttributeError)",
            "builtins.KeyError",
        ],
    )
    def test_expected_exceptions(self, caught: str) -> None:
        src = f"""
        try:
            work()
        except {caught}:
            pass
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        "caught", ["ObjectDoesNotExist", "User.DoesNotExist", "self.model.DoesNotExist"]
    )
    def test_django_lookup_misses_are_not_expected_by_default(
        self, caught: str
    ) -> None:
        src = f"""
        try:
            work()
        except {caught}:
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]
        # A Django project says so once; the last name of the type matches.
        expected = ("KeyError", "DoesNotExist", "ObjectDoesNotExist")
        assert results(src, expected_exceptions=expected) == []

    def test_one_unexpected_type_in_the_tuple_is_enough(self) -> None:
        src = """
        try:
            work()
        except (KeyError, ValueError):
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]

    def test_caught_types_held_in_a_variable_are_not_expected(self) -> None:
        src = """
        try:
            work()
        except self.errors:
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]

    def test_expected_exceptions_setting_replaces_the_default(self) -> None:
        src = """
        try:
            work()
        except ValueError:
            pass
        try:
            work()
        except KeyError:
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]
        assert results(src, expected_exceptions=("ValueError",)) == [(8, 0, "LOG018")]

    def test_expected_exceptions_setting_matches_dotted_or_last_name(self) -> None:
        src = """
        try:
            work()
        except socket.timeout:
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]
        assert results(src, expected_exceptions=("socket.timeout",)) == []
        assert results(src, expected_exceptions=("timeout",)) == []

    def test_contextlib_suppress_is_out_of_scope(self) -> None:
        src = """
        import contextlib

        with contextlib.suppress(OSError):
            work()
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        ("src", "expected"),
        [
            # try/except/else: the else branch does not explain the pass.
            (
                """
                try:
                    value = int(text)
                except ValueError:
                    pass
                else:
                    use(value)
                """,
                [(4, 0, "LOG018")],
            ),
            # A yes/no function: rules.md lists ``False`` among the empty
            # literals; a comment saying why is the way to keep it.
            (
                """
                def is_number(text):
                    try:
                        float(text)
                    except ValueError:
                        return False
                    return True
                """,
                [(5, 4, "LOG018")],
            ),
            (
                """
                def is_number(text):
                    try:
                        float(text)
                    except ValueError:  # not a number: that is the answer
                        return False
                    return True
                """,
                [],
            ),
            # The try raised it itself: still silent, still reported.
            (
                """
                try:
                    raise ValueError("dummy")
                except Exception:
                    pass
                """,
                [(4, 0, "LOG018")],
            ),
        ],
    )
    def test_control_flow_idioms_follow_rules_md(
        self, src: str, expected: list[tuple[int, int, str]]
    ) -> None:
        assert results(src) == expected

    def test_own_raise_of_another_class_does_not_excuse(self) -> None:
        src = """
        try:
            check()
            raise ValueError("dummy")
        except OSError:
            pass
        """

        assert results(src) == [(5, 0, "LOG018")]

    def test_control_flow_idiom_is_reported(self) -> None:
        # Known false positive (documented): an EAFP idiom without a comment.
        src = """
        try:
            names.remove(name)
        except ValueError:
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]

    def test_nested_function_in_the_body_is_not_silent(self) -> None:
        src = """
        try:
            work()
        except OSError:
            def later():
                pass
        """

        assert results(src) == []

    def test_silent_handler_inside_a_nested_function(self) -> None:
        src = """
        def outer():
            def inner():
                try:
                    work()
                except OSError:
                    pass
            return inner
        """

        assert results(src) == [(6, 8, "LOG018")]

    def test_except_star(self) -> None:
        src = """
        try:
            work()
        except* OSError:
            pass
        """

        assert results(src) == [(4, 0, "LOG018")]

    def test_async_function(self) -> None:
        src = """
        async def fetch():
            try:
                await work()
            except OSError:
                return None
        """

        assert results(src) == [(5, 4, "LOG018")]

    def test_handler_on_one_line(self) -> None:
        src = """
        try: work()
        except OSError: pass
        """

        assert results(src) == [(3, 0, "LOG018")]


class TestLOG021:
    @pytest.mark.parametrize(
        "args",
        [
            '"failed: %s", exc',
            '"failed: %s", str(exc)',
            '"failed: %r", repr(exc)',
            '"failed: %s", exc.args',
            '"failed: %s", exc.args[0]',
            '"failed: %s (%s)", name, exc',
            "str(exc)",
        ],
    )
    def test_exception_method(self, args: str) -> None:
        src = (
            LOGGER
            + f"""
try:
    work()
except OSError as exc:
    logger.exception({args})
"""
        )

        assert results(src) == [(8, 4, "LOG021")]

    @pytest.mark.parametrize(
        "call",
        [
            'logger.critical("failed: %s", exc)',
            'logger.fatal("failed: %s", exc)',
            'logger.log(logging.ERROR, "failed: %s", exc)',
            'logger.log(logging.CRITICAL, "failed: %s", exc)',
            'logger.log(40, "failed: %s", exc)',
            'logger.error("failed: %s", exc, exc_info=False)',
        ],
    )
    def test_other_error_level_calls(self, call: str) -> None:
        src = (
            LOGGER
            + f"""
try:
    work()
except OSError as exc:
    {call}
"""
        )

        assert results(src) == [(8, 4, "LOG021")]

    def test_message_names_the_exception(self) -> None:
        src = (
            LOGGER
            + """
try:
    work()
except OSError as err:
    logger.exception("failed: %s", err)
"""
        )

        assert messages(src) == [
            "LOG021 caught exception `err` interpolated into the error message"
        ]

    @pytest.mark.parametrize(
        "message", ['f"failed: {exc}"', '"failed: %s" % exc', '"failed: " + str(exc)']
    )
    def test_pre_formatted_message_is_also_log011(self, message: str) -> None:
        src = (
            LOGGER
            + f"""
try:
    work()
except OSError as exc:
    logger.critical({message})
"""
        )

        assert results(src) == [(8, 4, "LOG021"), (8, 20, "LOG011")]

    def test_not_reported_where_log005_reports(self) -> None:
        src = (
            LOGGER
            + """
try:
    work()
except OSError as exc:
    logger.error("failed: %s", exc)
"""
        )

        assert results(src) == [(8, 4, "LOG005")]

    def test_not_reported_where_log010_reports(self) -> None:
        src = (
            LOGGER
            + """
try:
    work()
except OSError as exc:
    logger.exception(exc)
"""
        )

        assert results(src) == [(8, 21, "LOG010")]

    @pytest.mark.parametrize(
        "call",
        [
            'logger.warning("failed: %s", exc)',
            'logger.info("failed: %s", exc)',
            'logger.log(logging.WARNING, "failed: %s", exc)',
            'logger.critical("failed", exc_info=exc)',
            'logger.critical("failed: %s", exc.filename)',
            'logger.critical("failed: %s", type(exc).__name__)',
            'logger.critical("failed for %s", name)',
            'logger.critical("failed", extra={"error": str(exc)})',
        ],
    )
    def test_not_interpolated_or_not_error_level(self, call: str) -> None:
        src = (
            LOGGER
            + f"""
try:
    work()
except OSError as exc:
    {call}
"""
        )

        assert results(src) == []

    def test_name_of_an_outer_handler(self) -> None:
        src = (
            LOGGER
            + """
try:
    work()
except OSError as exc:
    try:
        cleanup()
    except ValueError:
        logger.critical("failed: %s", exc)
"""
        )

        assert results(src) == [(11, 8, "LOG021")]

    def test_same_name_outside_a_handler(self) -> None:
        src = (
            LOGGER
            + """
exc = find()
logger.critical("failed: %s", exc)
"""
        )

        assert results(src) == []

    def test_nested_function_leaves_the_handler(self) -> None:
        src = (
            LOGGER
            + """
try:
    work()
except OSError as exc:
    def report(exc):
        logger.critical("failed: %s", exc)
    report(exc)
"""
        )

        assert results(src) == []

    def test_lambda_stays_in_the_handler(self) -> None:
        src = (
            LOGGER
            + """
try:
    work()
except OSError as exc:
    later(lambda: logger.critical("failed: %s", exc))
"""
        )

        assert results(src) == [(8, 18, "LOG021")]

    def test_loguru(self) -> None:
        src = """
        from loguru import logger

        try:
            work()
        except OSError as exc:
            logger.exception("failed: {}", exc)
        """

        assert results(src) == [(7, 4, "LOG021")]

    def test_except_star(self) -> None:
        src = (
            LOGGER
            + """
try:
    work()
except* OSError as group:
    logger.exception("failed: %s", group)
"""
        )

        assert results(src) == [(8, 4, "LOG021")]

    def test_async_function(self) -> None:
        src = (
            LOGGER
            + """
async def fetch():
    try:
        await work()
    except OSError as exc:
        logger.exception("failed: %s", exc)
"""
        )

        assert results(src) == [(9, 8, "LOG021")]

    def test_text_kept_in_a_variable_is_not_followed(self) -> None:
        # Deliberate false negative (documented): no data flow.
        src = (
            LOGGER
            + """
try:
    work()
except OSError as exc:
    text = str(exc)
    logger.critical(text)
"""
        )

        assert results(src) == []


class TestLOG022:
    def test_new_error_without_from(self) -> None:
        src = """
        try:
            work()
        except OSError:
            raise RuntimeError("work failed")
        """

        assert results(src) == [(5, 4, "LOG022")]

    def test_message_names_the_raised_class(self) -> None:
        src = """
        try:
            work()
        except OSError as exc:
            raise errors.WorkFailed(exc.filename)
        """

        assert messages(src) == [
            "LOG022 `raise errors.WorkFailed` in an except handler without `from`"
        ]

    def test_raising_a_class_without_calling_it(self) -> None:
        src = """
        try:
            work()
        except KeyError:
            raise AttributeError
        """

        assert results(src) == [(5, 4, "LOG022")]

    @pytest.mark.parametrize(
        "statement",
        [
            "raise",
            "raise exc",
            "raise exc.with_traceback(tb)",
            'raise RuntimeError("work failed") from exc',
            'raise RuntimeError("work failed") from None',
            "raise last_error",
            "raise self._error",
        ],
    )
    def test_reraise_or_explicit_cause(self, statement: str) -> None:
        src = f"""
        try:
            work()
        except OSError as exc:
            {statement}
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        "exc",
        [
            "SystemExit(1)",
            "SystemExit",
            "KeyboardInterrupt",
            'pytest.skip("no network")',
            'pytest.fail("no network")',
            'pytest.xfail("no network")',
            'pytest.exit("no network")',
            "click.Abort()",
            "click.exceptions.Exit(1)",
            'click.ClickException("no network")',
            'click.UsageError("bad option")',
            "typer.Exit(1)",
            'unittest.SkipTest("no network")',
            "SkipTest('no network')",
            'CommandError("no network")',
            "self.retry(exc=exc)",
            'Wrapped("work failed", cause=exc)',
            "Wrapped(exc)",
        ],
    )
    def test_exits_and_hand_overs(self, exc: str) -> None:
        src = f"""
        try:
            work()
        except OSError as exc:
            raise {exc}
        """

        assert results(src) == []

    def test_text_of_the_caught_exception_is_not_the_exception(self) -> None:
        src = """
        try:
            work()
        except OSError as exc:
            raise Wrapped(str(exc))
        """

        assert results(src) == [(5, 4, "LOG022")]

    def test_raise_outside_a_handler(self) -> None:
        src = """
        def check(value):
            if value is None:
                raise ValueError("missing")
        """

        assert results(src) == []

    def test_raise_in_a_nested_function_leaves_the_handler(self) -> None:
        src = """
        try:
            work()
        except OSError:
            def fail():
                raise RuntimeError("later")
            schedule(fail)
        """

        assert results(src) == []

    def test_raise_in_the_else_of_a_try_in_the_handler(self) -> None:
        src = """
        try:
            work()
        except OSError:
            try:
                cleanup()
            finally:
                raise RuntimeError("work failed")
        """

        assert results(src) == [(8, 8, "LOG022")]

    def test_except_star(self) -> None:
        src = """
        try:
            work()
        except* OSError:
            raise RuntimeError("work failed")
        """

        assert results(src) == [(5, 4, "LOG022")]

    def test_async_function(self) -> None:
        src = """
        async def fetch():
            try:
                await work()
            except OSError:
                raise RuntimeError("fetch failed")
        """

        assert results(src) == [(6, 8, "LOG022")]

    def test_new_exception_kept_in_a_variable(self) -> None:
        # Deliberate false negative (documented): a lower-case name is taken
        # for an exception caught earlier.
        src = """
        try:
            work()
        except OSError:
            error = RuntimeError("work failed")
            raise error
        """

        assert results(src) == []


class TestLOG023:
    @pytest.mark.parametrize(
        "statement",
        [
            'raise Exception("boom")',
            "raise Exception",
            "raise BaseException()",
            'raise builtins.Exception("boom")',
        ],
    )
    def test_generic_exception(self, statement: str) -> None:
        src = f"""
        def withdraw(balance, amount):
            if amount > balance:
                {statement}
        """

        assert results(src) == [(4, 8, "LOG023")]

    def test_message_names_the_class(self) -> None:
        src = """
        raise builtins.BaseException
        """

        assert messages(src) == [
            (
                "LOG023 `raise builtins.BaseException` is too generic; "
                "raise a specific exception class"
            )
        ]

    def test_with_a_cause(self) -> None:
        src = """
        try:
            work()
        except OSError as exc:
            raise Exception("work failed") from exc
        """

        assert results(src) == [(5, 4, "LOG023")]

    def test_in_a_handler_without_a_cause(self) -> None:
        src = """
        try:
            work()
        except OSError:
            raise Exception("work failed")
        """

        assert results(src) == [(5, 4, "LOG022"), (5, 4, "LOG023")]

    @pytest.mark.parametrize(
        "statement",
        [
            'raise ValueError("boom")',
            'raise InsufficientFunds("boom")',
            'raise errors.Exception("boom")',
            'raise ExceptionGroup("boom", [])',
            "raise",
        ],
    )
    def test_specific_exceptions(self, statement: str) -> None:
        src = f"""
        try:
            work()
        except OSError as exc:
            {statement} from exc
        """.replace("raise from exc", "raise")

        assert results(src) == []

    @pytest.mark.parametrize(
        "filename",
        [
            "test_orders.py",
            "orders_test.py",
            "orders_tests.py",
            "conftest.py",
            "tests.py",
            "tests/helpers.py",
            "src/app/test/fakes.py",
            "C:\\project\\testing\\fakes.py",
        ],
    )
    def test_test_files_are_checked_too(self, filename: str) -> None:
        # rules.md exempts no file: the report lists test places apart.
        src = """
        def broken():
            raise Exception("boom")
        """

        assert results(src, filename=filename) == [(3, 4, "LOG023")]

    def test_file_named_like_a_test_folder_is_checked(self) -> None:
        src = """
        raise Exception("boom")
        """

        assert results(src, filename="src/contest.py") == [(2, 0, "LOG023")]

    def test_alias_of_exception_is_not_followed(self) -> None:
        # Deliberate false negative (documented): aliases are not followed.
        src = """
        Error = Exception

        raise Error("boom")
        """

        assert results(src) == []


class TestLOG024:
    def test_flask_route_returns_the_error_text(self) -> None:
        src = """
        @app.route("/orders")
        def orders():
            try:
                return load()
            except Exception as exc:
                return {"error": str(exc)}, 500
        """

        assert results(src) == [(7, 25, "LOG024")]

    def test_message_names_the_web_handler(self) -> None:
        src = """
        @app.route("/orders")
        def orders():
            try:
                return load()
            except Exception as exc:
                return {"error": str(exc)}, 500
        """

        assert messages(src) == [
            (
                "LOG024 exception details sent to the user through the return value "
                "of `orders()`"
            )
        ]

    @pytest.mark.parametrize(
        ("response", "col"),
        [
            ("jsonify(error=str(exc))", 30),
            ('JsonResponse({"error": repr(exc)})', 39),
            ('HttpResponse(f"failed: {exc}")', 29),
            ("HttpResponseServerError(str(exc))", 40),
            ("Response(traceback.format_exc())", 25),
            ("JSONResponse(exc.args)", 29),
            ("PlainTextResponse(str(exc))", 34),
            ("HTMLResponse(str(exc))", 29),
            ("flask.make_response(str(exc), 500)", 36),
            ("abort(500, str(exc))", 27),
            ("HTTPException(status_code=500, detail=str(exc))", 54),
            ("HTTPException(500, str(exc))", 35),
            ('jsonify({"trace": traceback.format_exception(exc)})', 34),
        ],
    )
    def test_response_constructor_anywhere_in_a_handler(
        self, response: str, col: int
    ) -> None:
        src = f"""
        def helper():
            try:
                return load()
            except Exception as exc:
                reply = {response}
            return reply
        """

        assert results(src) == [(6, col, "LOG024")]

    def test_http_exception_status_code_alone_is_not_a_detail(self) -> None:
        src = """
        def helper():
            try:
                return load()
            except Exception as exc:
                reply = HTTPException(status_code=len(str(exc)))
            return reply
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        "decorator",
        [
            '@app.route("/orders")',
            '@bp.route("/orders", methods=["GET"])',
            '@router.get("/orders")',
            '@app.post("/orders")',
            '@api.put("/orders")',
            '@api.patch("/orders")',
            '@api.delete("/orders")',
            '@app.api_route("/orders")',
            '@app.websocket("/orders")',
            "@api_view",
            '@api_view(["GET"])',
            '@decorators.api_view(["GET"])',
        ],
    )
    def test_web_handler_decorators(self, decorator: str) -> None:
        src = f"""
        {decorator}
        def orders():
            try:
                return load()
            except Exception as exc:
                return str(exc)
        """

        assert results(src) == [(7, 15, "LOG024")]

    @pytest.mark.parametrize(
        "base", ["View", "MethodView", "Resource", "RequestHandler"]
    )
    @pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete"])
    def test_methods_of_view_classes(self, base: str, method: str) -> None:
        src = f"""
        class Orders(views.{base}):
            def {method}(self, request):
                try:
                    return load()
                except Exception as exc:
                    return f"failed: {{exc}}"
        """

        assert results(src) == [(7, 19, "LOG024")]

    def test_other_methods_of_view_classes_are_helpers(self) -> None:
        src = """
        class Orders(View):
            def describe(self, request):
                try:
                    return load()
                except Exception as exc:
                    return str(exc)
        """

        assert results(src) == []

    def test_methods_of_other_classes_are_helpers(self) -> None:
        src = """
        class Orders(Base):
            def get(self, request):
                try:
                    return load()
                except Exception as exc:
                    return str(exc)
        """

        assert results(src) == []

    def test_async_fastapi_handler(self) -> None:
        src = """
        @router.get("/orders")
        async def orders():
            try:
                return await load()
            except Exception as exc:
                return {"detail": str(exc)}
        """

        assert results(src) == [(7, 26, "LOG024")]

    def test_raised_http_error_of_a_web_handler(self) -> None:
        src = """
        @app.route("/orders")
        def orders():
            try:
                return load()
            except ValueError as exc:
                raise BadRequest(str(exc)) from exc
        """

        assert results(src) == [(7, 25, "LOG024")]

    def test_raised_http_exception_is_reported_once(self) -> None:
        src = """
        @router.get("/orders")
        async def orders():
            try:
                return await load()
            except Exception as exc:
                raise HTTPException(status_code=500, detail=str(exc)) from exc
        """

        assert results(src) == [(7, 52, "LOG024")]

    def test_response_inside_a_return_is_reported_once(self) -> None:
        src = """
        @app.route("/orders")
        def orders():
            try:
                return load()
            except Exception as exc:
                return jsonify(error=str(exc)), 500
        """

        assert results(src) == [(7, 29, "LOG024")]

    def test_nested_responses_are_reported_once(self) -> None:
        src = """
        def helper():
            try:
                return load()
            except Exception as exc:
                return make_response(jsonify(error=str(exc)), 500)
        """

        assert results(src) == [(6, 43, "LOG024")]

    def test_raised_non_http_error_of_a_web_handler(self) -> None:
        src = """
        @app.route("/orders")
        def orders():
            try:
                return load()
            except ValueError as exc:
                raise OrderError(str(exc)) from exc
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        "statement",
        [
            "return str(exc)",
            'return {"error": str(exc)}',
            "raise BadRequest(str(exc)) from exc",
        ],
    )
    def test_internal_helper_returning_the_text(self, statement: str) -> None:
        src = f"""
        def describe():
            try:
                return load()
            except Exception as exc:
                {statement}
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        "statement",
        [
            'return {"error": "internal error"}, 500',
            'return {"error": type(exc).__name__}, 500',
            'return {"error": exc.code}, 500',
            'return jsonify(error="internal error"), 500',
        ],
    )
    def test_fixed_message(self, statement: str) -> None:
        src = f"""
        @app.route("/orders")
        def orders():
            try:
                return load()
            except ValueError as exc:
                {statement}
        """

        assert results(src) == []

    def test_text_in_a_log_call_stays_on_the_server(self) -> None:
        src = (
            LOGGER
            + """
@app.route("/orders")
def orders():
    try:
        return load()
    except Exception as exc:
        logger.warning("orders failed: %s", str(exc))
        return {"error": "internal error"}, 500
"""
        )

        assert results(src) == []

    def test_details_under_a_debug_setting(self) -> None:
        src = """
        @app.route("/orders")
        def orders():
            try:
                return load()
            except Exception as exc:
                if settings.DEBUG:
                    return jsonify(error=str(exc)), 500
                return jsonify(error="internal error"), 500
        """

        assert results(src) == []

    def test_details_in_a_debug_conditional_expression(self) -> None:
        src = """
        def handle():
            try:
                return load()
            except Exception:
                return HttpResponseServerError(
                    traceback.format_exc() if settings.DEBUG else "server error"
                )
        """

        assert results(src) == []

    def test_details_in_the_non_debug_branch(self) -> None:
        src = """
        def handle():
            try:
                return load()
            except Exception as exc:
                return HttpResponse("error" if app.debug else str(exc))
        """

        assert results(src) == [(6, 54, "LOG024")]

    def test_details_after_a_debug_branch(self) -> None:
        src = """
        def handle():
            try:
                return load()
            except Exception as exc:
                if app.debug:
                    notify()
                else:
                    return HttpResponse(str(exc))
        """

        assert results(src) == [(9, 32, "LOG024")]

    def test_method_named_like_a_response_constructor(self) -> None:
        src = """
        class Connection:
            def command(self, data):
                try:
                    self.send(data)
                except OSError as val:
                    raise self.abort("socket error: %s" % val) from val
        """

        assert results(src) == []

    def test_response_outside_a_handler(self) -> None:
        src = """
        def show(exc):
            return jsonify(error=str(exc))
        """

        assert results(src) == []

    def test_nested_function_in_a_web_handler_is_a_helper(self) -> None:
        src = """
        @app.route("/orders")
        def orders():
            try:
                return load()
            except Exception as exc:
                def describe():
                    return str(exc)
                return {"error": "internal error", "id": describe}
        """

        assert results(src) == []

    def test_except_star(self) -> None:
        src = """
        def handle():
            try:
                return load()
            except* Exception as group:
                reply = jsonify(error=str(group))
        """

        assert results(src) == [(6, 30, "LOG024")]

    def test_text_kept_in_a_variable_is_not_followed(self) -> None:
        # Deliberate false negative (documented): no data flow.
        src = """
        @app.route("/orders")
        def orders():
            try:
                return load()
            except Exception as exc:
                message = str(exc)
                return jsonify(error=message), 500
        """

        assert results(src) == []

    def test_handler_registered_without_a_decorator(self) -> None:
        # Deliberate false negative (documented): only decorated handlers and
        # view classes are known as web handlers.
        src = """
        def orders():
            try:
                return load()
            except Exception as exc:
                return str(exc)

        app.add_url_rule("/orders", view_func=orders)
        """

        assert results(src) == []

    def test_framework_rendered_errors_are_not_followed(self) -> None:
        # Deliberate false negative (documented): DRF shows ValidationError text.
        src = """
        @api_view(["POST"])
        def orders(request):
            try:
                return create(request.data)
            except Exception as exc:
                raise ValidationError(str(exc)) from exc
        """

        assert results(src) == []


class TestLOG023ProjectRoot:
    def test_project_inside_another_ones_tests_folder_is_checked(
        self, tmp_path: Path
    ) -> None:
        # Regression: the test-file exemption read the path as given, so a
        # project kept under tests/fixtures/ and linted from the outer repo
        # lost every LOG023, while run from its own root it kept them.
        project = tmp_path / "tests" / "fixtures" / "shop"
        (project / "app").mkdir(parents=True)
        (project / "pyproject.toml").write_text("", encoding="utf-8")
        module = project / "app" / "client.py"
        src = 'raise Exception("boom")\n'
        module.write_text(src, encoding="utf-8")

        assert results(src, filename=str(module)) == [(1, 0, "LOG023")]

    def test_tests_folder_of_the_project_is_checked_too(
        self, tmp_path: Path
    ) -> None:
        project = tmp_path / "shop"
        (project / "tests").mkdir(parents=True)
        (project / "pyproject.toml").write_text("", encoding="utf-8")
        module = project / "tests" / "fakes.py"
        src = 'raise Exception("boom")\n'
        module.write_text(src, encoding="utf-8")

        assert results(src, filename=str(module)) == [(1, 0, "LOG023")]


class TestLOG017PrintedTraceback:
    def test_printing_the_traceback_is_not_handling_it(self) -> None:
        # The traceback goes to stderr, where nobody collects it: LOG025 says
        # so for the print, LOG017 for the handler that lets the error go.
        src = """
        import traceback

        def apply(event, message):
            try:
                event.apply()
            except Exception:
                traceback.print_exc()
                message.nack()
        """

        assert results(src) == [(7, 4, "LOG017"), (8, 8, "LOG025")]

    def test_keeping_the_formatted_traceback_is_using_it(self) -> None:
        src = """
        import traceback

        def apply(event, errors):
            try:
                event.apply()
            except Exception:
                errors.append(traceback.format_exc())
        """

        assert results(src) == []

"""LOG019 sensitive-data-in-log."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from flake8_logerr.checks.sensitive import SENSITIVE_WORDS, split_words
from tests.util import messages, results

HEADER = "import logging\nlogger = logging.getLogger(__name__)\n"
LOGURU_HEADER = "from loguru import logger\n\n"


def run(body: str, header: str = HEADER, **settings: Any) -> list[tuple[int, int, str]]:
    """Check ``body`` (dedented) after a header that makes ``logger`` a logger."""
    return results(header + textwrap.dedent(body), **settings)


def one(line: str, **settings: Any) -> list[tuple[int, int, str]]:
    """Check a single statement placed on line 3."""
    return run(line + "\n", **settings)


def at(line: str, part: str) -> list[tuple[int, int, str]]:
    """LOG019 at the first occurrence of ``part`` in ``line`` (on line 3)."""
    assert part in line
    return [(3, line.index(part), "LOG019")]


def message_of(line: str, **settings: Any) -> str:
    found = [m for m in messages(HEADER + line + "\n", **settings) if "LOG019" in m]
    assert len(found) == 1
    return found[0]


class TestWords:
    @pytest.mark.parametrize(
        ("name", "words"),
        [
            ("password", ("password",)),
            ("api_key", ("api", "key")),
            ("apiKey", ("api", "key")),
            ("API_KEY", ("api", "key")),
            ("APIKey", ("api", "key")),
            ("x-api-key", ("x", "api", "key")),
            ("HTTP_AUTHORIZATION", ("http", "authorization")),
            ("password2", ("password", "2")),
            ("__secret__", ("secret",)),
        ],
    )
    def test_split(self, name: str, words: tuple[str, ...]) -> None:
        assert split_words(name) == words


class TestIdentifiers:
    @pytest.mark.parametrize("entry", SENSITIVE_WORDS)
    def test_every_word_as_a_name(self, entry: str) -> None:
        line = f"logger.info('%s', {entry})"

        assert one(line) == at(line, entry)

    @pytest.mark.parametrize(
        "name",
        [
            "apiKey",
            "API_KEY",
            "ApiKey",
            "accessToken",
            "ACCESS_TOKEN",
            "userPassword",
            "PASSWORD",
            "password2",
            "passwords",
            "cookies",
            "refresh_tokens",
            "clientSecret",
            "db_passwd",
            "csrftoken",
            "id_token",
            "token_bucket",
        ],
    )
    def test_spellings(self, name: str) -> None:
        line = f"logger.info('%s', {name})"

        assert one(line) == at(line, name)

    @pytest.mark.parametrize(
        "expr",
        [
            "self.password",
            "settings.SECRET_KEY",
            "user.auth_token",
            "config.db.password",
            "token.value",
            "self._api_key",
        ],
    )
    def test_attributes(self, expr: str) -> None:
        line = f"logger.info('%s', {expr})"

        assert one(line) == at(line, expr)

    @pytest.mark.parametrize(
        ("expr", "part"),
        [
            ("data['password']", "data"),
            ("headers['Authorization']", "headers"),
            ("headers['X-Api-Key']", "headers"),
            ("os.environ['SECRET_KEY']", "os"),
            ("request.cookies['sessionid']", "request"),
            ("cfg['auth.token']", "cfg"),
            ("headers.get('Authorization')", "headers"),
            ("request.headers.get('Cookie')", "request"),
            ("os.environ.get('API_TOKEN')", "os"),
            ("os.getenv('DB_PASSWORD')", "os"),
            ("getattr(user, 'password')", "getattr"),
            ("form.pop('password', None)", "form"),
        ],
    )
    def test_string_keys_of_lookups(self, expr: str, part: str) -> None:
        line = f"logger.info('%s', {expr})"

        assert one(line) == at(line, part)

    def test_dict_literal_key(self) -> None:
        line = "logger.info('%s', {'user': user, 'password': pw})"

        assert one(line) == at(line, "'password'")

    def test_extra_dict_key(self) -> None:
        line = "logger.info('login', extra={'token': t})"

        assert one(line) == at(line, "'token'")

    def test_extra_dict_call_keyword(self) -> None:
        line = "logger.info('login', extra=dict(user=u, apiKey=k))"

        assert one(line) == at(line, "apiKey")

    def test_extra_value(self) -> None:
        line = "logger.info('login', extra={'user': user, 'who': self.password})"

        assert one(line) == at(line, "self.password")

    def test_extra_name(self) -> None:
        line = "logger.info('login', extra=credentials)"

        assert one(line) == at(line, "credentials")

    def test_structlog_keyword(self) -> None:
        line = "logger.info('login', user=u, token=t)"

        assert one(line) == at(line, "token=")

    def test_getter_call(self) -> None:
        line = "logger.info('%s', self.get_password())"

        assert one(line) == at(line, "self")

    @pytest.mark.parametrize(
        ("expr", "part"),
        [
            ("(t := password)", "password"),
            ("(password := read())", "password :="),
            ("{k: v for k, v in cookies.items()}", "cookies"),
            ("[p for p, q in passwords]", "passwords"),
            ("passwords.get(name)", "passwords"),
            ("getattr(credentials, attr_name)", "credentials"),
            ("vars(credentials)", "credentials"),
            ("token_response", "token_response"),
            ("cookie_jar", "cookie_jar"),
            ("secrets.token_hex(16)", "secrets"),
        ],
    )
    def test_other_carriers(self, expr: str, part: str) -> None:
        line = f"logger.info('%s', {expr})"

        assert one(line) == at(line, part)

    @pytest.mark.parametrize(
        "expr",
        [
            "getattr(obj, attr_name)",
            "os.getenv(name)",
            "config.get('password_file')",
            "self.get_token_count()",
            "refresh_token_url",
            "[p.name for p in passwords]",
            "user_addresses",
        ],
    )
    def test_other_non_carriers(self, expr: str) -> None:
        assert one(f"logger.info('%s', {expr})") == []

    def test_message_itself(self) -> None:
        line = "logger.info(password)"

        assert one(line) == at(line, "password")

    def test_logger_log_method(self) -> None:
        line = "logger.log(logging.INFO, '%s', secret)"

        assert one(line) == at(line, "secret")


class TestStringBuilding:
    def test_fstring_part(self) -> None:
        line = "logger.info('%s', f'user {user} with {user.password}')"

        assert one(line) == at(line, "user.password")

    def test_fstring_message(self) -> None:
        line = "logger.info(f'{token}')"

        assert one(line) == [(3, 12, "LOG011"), *at(line, "token}")]

    def test_format_argument(self) -> None:
        line = "logger.info('%s', '{}'.format(secret))"

        assert one(line) == at(line, "secret")

    def test_format_field_attribute(self) -> None:
        line = "logger.info('%s', '{u.password}'.format(u=user))"

        assert one(line) == at(line, "'{u.")

    def test_percent_argument(self) -> None:
        line = "logger.info('%s', 'got %s' % passphrase)"

        assert one(line) == at(line, "passphrase")

    def test_percent_mapping_key(self) -> None:
        line = "logger.info('%s', 'got %(password)s' % values)"

        assert one(line) == at(line, "values")

    def test_plus_chain(self) -> None:
        line = "logger.info('%s', 'user ' + user + ' key ' + api_key)"

        assert one(line) == at(line, "api_key")

    def test_format_positional_index(self) -> None:
        line = "logger.info('%s', '{1} {0}'.format(user, password))"

        assert one(line) == at(line, "password")

    def test_malformed_format_template_still_scans_arguments(self) -> None:
        line = "logger.info('%s', '{'.format(password))"

        assert one(line) == at(line, "password")

    def test_fstring_inside_plus_chain(self) -> None:
        line = "logger.info('%s', 'a ' + f'token={t}')"

        assert one(line) == at(line, "t}")

    def test_star_width_loses_the_pairing(self) -> None:
        # Deliberate false negative: ``*`` takes an argument of its own.
        assert one("logger.info('%*s token=%s', 5, 'x', t)") == []

    def test_stdlib_mapping_placeholder_with_unknown_mapping(self) -> None:
        line = "logger.info('%(password)s', data)"

        assert one(line) == at(line, "data")

    def test_stdlib_mapping_key(self) -> None:
        line = "logger.info('%(user)s %(secret)s', {'user': u, 'secret': s})"

        assert one(line) == at(line, "'secret'")


class TestLeads:
    @pytest.mark.parametrize(
        "line",
        [
            "logger.info('new password: %s', pw)",
            "logger.info('token=%s', value)",
            "logger.info('Token: %s', value)",
            "logger.info('user=%s api_key=%s', u, value)",
            "logger.info('API key: %s', value)",
            "logger.info('password=\"%s\"', value)",
            "logger.info('secret = %r', value)",
            "logger.info('100%% sure, cookie: %s', value)",
        ],
    )
    def test_lead_before_placeholder(self, line: str) -> None:
        assert one(line) == at(line, "value" if "value" in line else "pw")

    def test_lead_in_fstring(self) -> None:
        line = "logger.info('%s', f'user={u} password={p}')"

        assert one(line) == at(line, "p}")

    def test_lead_in_plus_chain(self) -> None:
        line = "logger.info('%s', 'bearer: ' + h)"

        assert one(line) == at(line, "h)")

    def test_lead_in_percent(self) -> None:
        line = "logger.info('%s', 'otp=%s' % code)"

        assert one(line) == at(line, "code")

    def test_lead_in_format(self) -> None:
        line = "logger.info('%s', 'jwt: {}'.format(v))"

        assert one(line) == at(line, "v)")

    @pytest.mark.parametrize(
        "line",
        [
            # The design's examples: a predicate, no separator.
            "logger.info('has_password=%s', value)",
            "logger.info('api key %s', value)",
            # The separator names data about the secret, or something else.
            "logger.info('token count: %d', value)",
            "logger.info('password hash: %s', value)",
            "logger.info('token for user: %s', value)",
            "logger.info('next page token: %s', value)",
            # The value cannot be the secret.
            "logger.info('password: %s', '***')",
            "logger.info('password: %s', len(pw))",
            "logger.info('password: %s', pw is not None)",
            "logger.info('token: %s', token_id)",
            "logger.info('Valid token: %s', valid_owner)",
            "logger.info('token: %s', attempt + 1)",
            # Failures: the colon introduces the error.
            "logger.info('Failed to fetch token: %s', reason)",
            "logger.info('Error refreshing credentials: %s', reason)",
        ],
    )
    def test_no_lead(self, line: str) -> None:
        assert one(line) == []

    @pytest.mark.parametrize("value", ["exc", "str(exc)", "repr(exc)"])
    def test_caught_exception_after_lead(self, value: str) -> None:
        source = f"""\
        try:
            refresh()
        except OSError as exc:
            logger.warning("token: %s", {value})
        """

        assert run(source) == []

    def test_other_name_after_lead_in_handler(self) -> None:
        source = """\
        try:
            refresh()
        except OSError as exc:
            logger.warning("token: %s", str(value))
        """

        assert run(source) == [(6, 32, "LOG019")]


class TestSlicesAndParts:
    @pytest.mark.parametrize(
        ("expr", "part"),
        [
            ("api_key[:4]", "api_key"),
            ("token[-6:]", "token"),
            ("password.strip()", "password"),
            ("token.decode('ascii')", "token"),
            ("str(secret)", "secret"),
            ("repr(self.secret)", "self.secret"),
            ("secret or '-'", "secret"),
            ("[password]", "password"),
            ("(user, password)", "password"),
            ("token.split('.')[0]", "token"),
            ("[c for c in cookies]", "cookies"),
            ("', '.join(passwords)", "passwords"),
            ("await get_token()", "get_token"),
        ],
    )
    def test_part_of_a_secret(self, expr: str, part: str) -> None:
        line = f"logger.info('%s', {expr})"

        assert one(line) == at(line, part)


class TestDumps:
    @pytest.mark.parametrize(
        ("expr", "part"),
        [
            ("request.headers", "request.headers"),
            ("request.cookies", "request.cookies"),
            ("request.COOKIES", "request.COOKIES"),
            ("request.POST", "request.POST"),
            ("request.form", "request.form"),
            ("request.json", "request.json"),
            ("request.body", "request.body"),
            ("request.data", "request.data"),
            ("self.request.headers", "self.request.headers"),
            ("os.environ", "os.environ"),
            ("dict(request.headers)", "request.headers"),
            ("request.headers.items()", "request.headers"),
            ("dict(os.environ)", "os.environ"),
            ("request.body[:200]", "request.body"),
            ("request.form.to_dict()", "request.form"),
            ("request.headers.copy()", "request.headers"),
            ("json.dumps(request.json)", "request.json"),
            ("request.get_json()", "request"),
            ("request.get_data(as_text=True)", "request"),
            ("{k: v for k, v in request.headers.items()}", "request"),
        ],
    )
    def test_dump(self, expr: str, part: str) -> None:
        line = f"logger.info('%s', {expr})"

        assert one(line) == at(line, part)

    def test_dump_message_names_it(self) -> None:
        assert message_of("logger.info('%s', request.COOKIES)") == (
            "LOG019 log call may write a secret: dump of `request.COOKIES`"
        )

    def test_dump_method_message_names_it(self) -> None:
        assert message_of("logger.info('%s', request.get_json())") == (
            "LOG019 log call may write a secret: dump of `request.get_json()`"
        )

    @pytest.mark.parametrize(
        "expr",
        [
            "request.headers.get('User-Agent')",
            "request.headers['Content-Type']",
            "request.headers.getlist('Accept')",
            "request.headers.get(name)",
            "request.headers[name]",
            "request.headers.keys()",
            "len(request.body)",
            "'X-Token' in request.headers",
            "request.POST.get('username')",
            "request.json.get('user')",
            "request.cookies.get('theme')",
            "os.environ.get('HOME')",
            "os.environ['PATH']",
            "request.method",
            "response.headers",
            "request.url",
        ],
    )
    def test_lookup_is_not_a_dump(self, expr: str) -> None:
        assert one(f"logger.info('%s', {expr})") == []


class TestNotSensitive:
    @pytest.mark.parametrize(
        "suffix",
        [
            "count",
            "len",
            "length",
            "size",
            "type",
            "kind",
            "name",
            "field",
            "id",
            "url",
            "uri",
            "path",
            "expiry",
            "expires",
            "expires_at",
            "ttl",
            "policy",
            "min",
            "max",
            "required",
            "valid",
            "validator",
            "hash",
            "hashed",
            "mask",
            "masked",
            "redacted",
            "prefix",
            "file",
            "dir",
            "pos",
            "offset",
            "index",
            "lineno",
            "attempt",
            "retries",
        ],
    )
    def test_metadata_suffix(self, suffix: str) -> None:
        assert one(f"logger.info('%s %s', token_{suffix}, password_{suffix})") == []

    @pytest.mark.parametrize(
        "name",
        [
            "password_reset_url",
            "secret_name",
            "tokenType",
            "API_KEY_ID",
            "token_ids",
            "passwordMinLength",
            "session_key_prefix",
        ],
    )
    def test_metadata_names(self, name: str) -> None:
        assert one(f"logger.info('%s', {name})") == []

    @pytest.mark.parametrize(
        "name",
        [
            "is_secret",
            "has_password",
            "should_refresh_token",
            "needs_token",
            "use_api_key",
            "isSecret",
            "hasPassword",
            "self.is_token_valid",
        ],
    )
    def test_predicates(self, name: str) -> None:
        assert one(f"logger.info('%s', {name})") == []

    @pytest.mark.parametrize(
        "name",
        [
            "num_tokens",
            "n_tokens",
            "max_tokens",
            "total_tokens",
            "tokens",
            "tokenizer",
            "tokenize",
            "token_ids",
            "self.tokens",
            "input_tokens",
        ],
    )
    def test_counts_and_nlp_tokens(self, name: str) -> None:
        assert one(f"logger.info('%s', {name})") == []

    @pytest.mark.parametrize(
        "name",
        [
            "next_page_token",
            "pageToken",
            "continuation_token",
            "self._starting_token",
            "acquire_token",
            "cancel_token",
        ],
    )
    def test_tokens_that_mark_a_place(self, name: str) -> None:
        assert one(f"logger.info('%s', {name})") == []

    @pytest.mark.parametrize(
        "expr",
        [
            "len(password)",
            "bool(token)",
            "hash(secret)",
            "mask(token)",
            "mask_token(token)",
            "masked(api_key)",
            "redact(password)",
            "redact_headers(request.headers)",
            "utils.redacted(secret)",
            "password_hash(password)",
            "sha256(secret)",
            "sha1(secret)",
            "hashlib.sha256(token.encode()).hexdigest()",
            "hashlib.md5(secret).hexdigest()",
            "hmac.new(key, secret, 'sha256').hexdigest()",
            "secrets.compare_digest(token, expected)",
            "mask(token)[:4]",
            "f'{mask(token)}'",
            "type(token).__name__",
            "isinstance(token, str)",
        ],
    )
    def test_wrappers(self, expr: str) -> None:
        assert one(f"logger.info('%s', {expr})") == []

    @pytest.mark.parametrize(
        "expr",
        [
            "token is None",
            "not password",
            "token == expected",
            "'set' if token else 'unset'",
            "token.startswith('ey')",
            "secret.count('a')",
            "password.isdigit()",
            "attempt + 1",
            "credential_retries - 1",
        ],
    )
    def test_booleans_and_numbers(self, expr: str) -> None:
        assert one(f"logger.info('%s', {expr})") == []

    @pytest.mark.parametrize(
        "expr",
        [
            "token.expires_at",
            "token.type",
            "credentials.username",
            "cookie.name",
            "self.password_manager.name",
            "secret.__class__",
        ],
    )
    def test_attribute_of_a_secret_is_not_the_secret(self, expr: str) -> None:
        assert one(f"logger.info('%s', {expr})") == []

    @pytest.mark.parametrize(
        "line",
        [
            "logger.info('password changed for %s', user)",
            "logger.info('token refreshed')",
            "logger.info('%s', {'password': '***'})",
            "logger.info('x', extra={'token': None})",
            "logger.info('x', extra={'token': len(t)})",
            "logger.info('x', extra={'token': token_id})",
            "logger.info('%s', session.get('https://example.com/token'))",
            "logger.info('%s', data['the token is here: see docs/token'])",
            "logger.error('refresh failed', exc_info=token_error)",
            "logger.info('%s', key)",
            "logger.info('%s', session_id)",
            "logger.info('%s', auth)",
            "logger.info('%s', user.email)",
        ],
    )
    def test_quiet(self, line: str) -> None:
        assert one(line) == []

    def test_local_bound_only_to_literals(self) -> None:
        source = """\
        def check():
            token1 = "ping"
            token2: str = "pong"
            logger.error("%s %s", token1, token2)
        """

        assert run(source) == []

    @pytest.mark.parametrize(
        "binding",
        [
            ["token = read()"],
            ["token = 'x'", "token = read()"],
            ["for token in read():", "    pass"],
            ["with open() as token:", "    pass"],
            ["token, other = read()"],
        ],
    )
    def test_local_bound_to_run_time_values(self, binding: list[str]) -> None:
        body = "".join(f"    {line}\n" for line in binding)
        source = f"def check():\n{body}    logger.error('%s', token)\n"
        line = len(binding) + 4

        assert run(source) == [(line, 23, "LOG019")]

    def test_parameter_is_a_run_time_value(self) -> None:
        source = """\
        def check(token="x"):
            logger.error("%s", token)
        """

        assert run(source) == [(4, 23, "LOG019")]

    def test_plain_calls_are_not_logging(self) -> None:
        assert one("stream.write(password)") == []
        assert one("audit.info('%s', password)") == []


class TestLoguru:
    def test_positional(self) -> None:
        source = "logger.info('user {}', password)\n"

        assert run(source, header=LOGURU_HEADER) == [(3, 23, "LOG019")]

    def test_keyword_name(self) -> None:
        source = "logger.info('user {user}', user=u, api_key=k)\n"

        assert run(source, header=LOGURU_HEADER) == [(3, 35, "LOG019")]

    def test_field_name(self) -> None:
        source = "logger.info('user {u.secret}', u=user)\n"

        assert run(source, header=LOGURU_HEADER) == [(3, 12, "LOG019")]

    def test_lead(self) -> None:
        source = "logger.info('token={}', value)\n"

        assert run(source, header=LOGURU_HEADER) == [(3, 24, "LOG019")]

    def test_no_formatting_without_arguments(self) -> None:
        source = "logger.info('reset {password} for the user')\n"

        assert run(source, header=LOGURU_HEADER) == []

    def test_redacted_keyword_value(self) -> None:
        source = "logger.info('user {user}', user=u, password='***')\n"

        assert run(source, header=LOGURU_HEADER) == []


class TestReport:
    def test_one_finding_at_the_first_part(self) -> None:
        source = """\
        logger.info(
            "%s %s %s",
            user,
            request.headers,
            password,
        )
        """

        assert run(source) == [(6, 4, "LOG019")]

    def test_first_in_source_order_within_a_line(self) -> None:
        line = "logger.info('%s %s', api_key, password)"

        assert one(line) == at(line, "api_key")

    @pytest.mark.parametrize(
        ("line", "word"),
        [
            ("logger.info('%s', apiKey)", "`api_key`"),
            ("logger.info('%s', user_passwords)", "`password`"),
            ("logger.info('%s', headers['Set-Cookie'])", "`cookie`"),
            ("logger.info('session: %s', value)", None),
        ],
    )
    def test_message_names_the_word(self, line: str, word: str | None) -> None:
        if word is None:
            assert one(line) == []
        else:
            assert message_of(line) == f"LOG019 log call may write a secret: {word}"

    def test_message_never_contains_the_value(self) -> None:
        line = "logger.info('token=%s', 'hunter2-abc' + suffix)"

        text = message_of(line)

        assert "hunter2" not in text
        assert text == "LOG019 log call may write a secret: `token`"


class TestSettings:
    def test_sensitive_words_extend(self) -> None:
        line = "logger.info('%s', user_pin)"

        assert one(line) == []
        assert one(line, sensitive_words=("pin",)) == at(line, "user_pin")

    def test_sensitive_words_multi_word_entry(self) -> None:
        line = "logger.info('%s', signingKey)"

        assert one(line) == []
        assert one(line, sensitive_words=("signing_key",)) == at(line, "signingKey")

    def test_sensitive_words_keep_the_defaults(self) -> None:
        line = "logger.info('%s', password)"

        assert one(line, sensitive_words=("pin",)) == at(line, "password")

    def test_sensitive_allow(self) -> None:
        line = "logger.info('%s %s', tokenBucket, token)"

        assert one(line) == at(line, "tokenBucket")
        assert one(line, sensitive_allow=("token_bucket",)) == at(line, "token)")

    def test_sensitive_allow_applies_to_keys(self) -> None:
        line = "logger.info('%s', cfg['API_TOKEN'])"

        assert one(line) == at(line, "cfg")
        assert one(line, sensitive_allow=("api_token",)) == []

    def test_sensitive_allow_dotted_name(self) -> None:
        line = "logger.info('%s', self.token_bucket)"

        assert one(line) == at(line, "self")
        assert one(line, sensitive_allow=("self.token_bucket",)) == []

    def test_sensitive_allow_lead(self) -> None:
        line = "logger.info('csrf token: %s', value)"

        assert one(line) == at(line, "value")
        assert one(line, sensitive_allow=("csrf_token",)) == []

    @pytest.mark.parametrize(
        "name", ["email", "user_phone", "home_address", "dob", "birthDate", "passport"]
    )
    def test_pii(self, name: str) -> None:
        line = f"logger.info('%s', {name})"

        assert one(line) == []
        assert one(line, pii=True) == at(line, name)

    @pytest.mark.parametrize(
        "name", ["client_address", "ip_address", "email_count", "is_email"]
    )
    def test_pii_exemptions(self, name: str) -> None:
        assert one(f"logger.info('%s', {name})", pii=True) == []

    @pytest.mark.parametrize(
        ("setting", "call"),
        [
            (("scrub",), "scrub(password)"),
            (("mylib.scrub",), "mylib.scrub(password)"),
            (("hide_*",), "hide_chars(password)"),
        ],
    )
    def test_redaction_functions(self, setting: tuple[str, ...], call: str) -> None:
        line = f"logger.info('%s', {call})"

        assert one(line) == at(line, "password")
        assert one(line, redaction_functions=setting) == []

    def test_sha_prefix_means_a_hash(self) -> None:
        line = "logger.info('%s', shadow(password))"

        assert one(line) == at(line, "password")


class TestKnownLimits:
    def test_secret_under_a_neutral_name_is_missed(self) -> None:
        # Deliberate false negative: the rule reads names, not data flow.
        source = """\
        def send(password):
            body = urlencode({"password": password})
            logger.debug("body %s", body)
        """

        assert run(source) == []

    def test_message_built_earlier_is_missed(self) -> None:
        # Deliberate false negative: only what the call itself writes is read.
        source = """\
        def send(token):
            msg = f"sending {token}"
            logger.debug(msg)
        """

        assert run(source) == []

    def test_name_that_holds_names_is_reported(self) -> None:
        # Known false positive (botocore): the value is a list of setting
        # names; the name says credentials. `sensitive-allow` silences it.
        line = "logger.debug('ignoring: %s', ignored_credentials)"

        assert one(line) == at(line, "ignored_credentials")
        assert one(line, sensitive_allow=("ignored_credentials",)) == []


class TestRobustness:
    @pytest.mark.parametrize(
        ("expr", "part"),
        [
            (" - ".join(["a"] * 900) + " - password", "password"),
            (" if c else ".join(["token"] * 900), "token"),
            ("x" + ".value" * 900, None),
            ("x" + "[i]" * 900, None),
            # Too deep to read: a deliberate false negative, not a crash.
            ("token" + ".strip()" * 600, None),
        ],
        ids=["minus-chain", "conditionals", "attributes", "subscripts", "methods"],
    )
    def test_deep_expressions_do_not_fail(self, expr: str, part: str | None) -> None:
        line = f"logger.info('%s', {expr})"

        assert one(line) == (at(line, part) if part else [])

"""``[tool.logerr]`` in pyproject.toml, for the ``logerr`` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_logerr.config import (
    Config,
    ConfigError,
    config_from_pyproject,
    find_pyproject,
    load_tool_config,
    settings_from_pyproject,
)
from flake8_logerr.settings import DEFAULT_SETTINGS, OPTIONS
from tests.hosts import write


def _project(tmp_path: Path, table: str) -> Path:
    write(tmp_path, "pyproject.toml", "[project]\nname = 'app'\n\n" + table)
    return tmp_path


class TestFindPyproject:
    def test_in_the_start_folder(self, tmp_path: Path) -> None:
        path = write(tmp_path, "pyproject.toml", "")

        assert find_pyproject(tmp_path) == path.resolve()

    def test_nearest_one_above_a_file(self, tmp_path: Path) -> None:
        write(tmp_path, "pyproject.toml", "")
        nearest = write(tmp_path, "pkg/pyproject.toml", "")
        module = write(tmp_path, "pkg/src/app/mod.py", "")

        assert find_pyproject(module) == nearest.resolve()

    def test_none_found(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        # Pretend the file system ends at tmp_path (no pyproject above it).
        real_is_file = Path.is_file

        def is_file(path: Path) -> bool:
            return path.is_relative_to(tmp_path) and real_is_file(path)

        monkeypatch.setattr(Path, "is_file", is_file)

        assert find_pyproject(tmp_path / "sub") is None


class TestLoadToolConfig:
    def test_reads_the_table(self, tmp_path: Path) -> None:
        _project(tmp_path, '[tool.logerr]\nlogger-names = ["AUTH"]\npii = true\n')

        table = load_tool_config(tmp_path / "pyproject.toml")

        assert table == {"logger-names": ["AUTH"], "pii": True}

    def test_no_table_is_empty(self, tmp_path: Path) -> None:
        _project(tmp_path, "[tool.black]\nline-length = 88\n")

        assert load_tool_config(tmp_path / "pyproject.toml") == {}

    def test_invalid_toml(self, tmp_path: Path) -> None:
        path = write(tmp_path, "pyproject.toml", "[tool.logerr\n")

        with pytest.raises(ConfigError, match=r"pyproject\.toml: invalid TOML: "):
            load_tool_config(path)

    def test_table_of_wrong_type(self, tmp_path: Path) -> None:
        path = write(tmp_path, "pyproject.toml", 'tool = {logerr = "yes"}\n')

        with pytest.raises(ConfigError) as error:
            load_tool_config(path)

        assert str(error.value) == (
            f"{path}: [tool.logerr] must be a table, not a string"
        )

    def test_unreadable_file(self, tmp_path: Path) -> None:
        path = tmp_path / "pyproject.toml"
        path.mkdir()

        with pytest.raises(ConfigError, match=r"cannot read the file"):
            load_tool_config(path)


class TestConfigFromPyproject:
    def test_every_option_by_kebab_key(self, tmp_path: Path) -> None:
        lines = []
        expected = {}
        for option in OPTIONS:
            if option.kind == "bool":
                lines.append(f"{option.key} = true")
                expected[option.field] = True
            else:
                lines.append(f'{option.key} = ["{option.field}_a", "x"]')
                expected[option.field] = (f"{option.field}_a", "x")
        _project(tmp_path, "[tool.logerr]\n" + "\n".join(lines) + "\n")

        settings = settings_from_pyproject(tmp_path)

        assert settings == DEFAULT_SETTINGS.with_values(**expected)

    def test_command_keys(self, tmp_path: Path) -> None:
        _project(
            tmp_path,
            "[tool.logerr]\n"
            'select = ["LOG0"]\nignore = ["LOG011", "LOG025"]\nexclude = ["migrations"]\n',
        )

        config = config_from_pyproject(tmp_path)

        assert config == Config(
            settings=DEFAULT_SETTINGS,
            select=("LOG0",),
            ignore=("LOG011", "LOG025"),
            exclude=("migrations",),
            path=(tmp_path / "pyproject.toml").resolve(),
        )

    def test_absent_keys_stay_unset(self, tmp_path: Path) -> None:
        _project(tmp_path, "")

        config = config_from_pyproject(tmp_path)

        assert (config.settings, config.select, config.ignore, config.exclude) == (
            DEFAULT_SETTINGS,
            None,
            None,
            None,
        )

    def test_snake_keys_are_accepted(self, tmp_path: Path) -> None:
        _project(tmp_path, '[tool.logerr]\nlogger_names = ["AUTH"]\n')

        assert settings_from_pyproject(tmp_path).logger_names == ("AUTH",)

    def test_overrides_win_and_none_means_not_given(self, tmp_path: Path) -> None:
        _project(
            tmp_path,
            '[tool.logerr]\nlogger-names = ["AUTH"]\npii = true\nselect = ["LOG"]\n',
        )

        config = config_from_pyproject(
            tmp_path,
            {"logger_names": ["AUDIT"], "pii": None, "ignore": "LOG011,LOG012"},
        )

        assert config.settings.logger_names == ("AUDIT",)
        assert config.settings.pii is True
        assert config.select == ("LOG",)
        assert config.ignore == ("LOG011", "LOG012")

    def test_overrides_accept_command_line_text(self, tmp_path: Path) -> None:
        _project(tmp_path, "")

        settings = settings_from_pyproject(
            tmp_path, {"pii": "yes", "sensitive-words": "pin, badge"}
        )

        assert (settings.pii, settings.sensitive_words) == (True, ("pin", "badge"))

    def test_without_pyproject_overrides_still_apply(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr("flake8_logerr.config.find_pyproject", lambda start: None)

        config = config_from_pyproject(tmp_path, {"pii": True})

        assert (config.path, config.settings.pii) == (None, True)


class TestConfigErrors:
    def _error(self, tmp_path: Path, table: str) -> str:
        _project(tmp_path, "[tool.logerr]\n" + table)
        with pytest.raises(ConfigError) as error:
            config_from_pyproject(tmp_path)
        return str(error.value)

    def test_unknown_key_suggests_the_close_one(self, tmp_path: Path) -> None:
        message = self._error(tmp_path, 'loger-names = ["AUTH"]\n')

        path = (tmp_path / "pyproject.toml").resolve()
        assert message == (
            f"{path}: [tool.logerr]: unknown key 'loger-names'"
            " (did you mean 'logger-names'?)"
        )

    def test_unknown_key_without_a_close_one(self, tmp_path: Path) -> None:
        message = self._error(tmp_path, "colour = true\n")

        assert message.endswith(": [tool.logerr]: unknown key 'colour'")

    def test_bool_given_as_text(self, tmp_path: Path) -> None:
        message = self._error(tmp_path, 'pii = "yes"\n')

        assert message.endswith(
            ": [tool.logerr]: 'pii' must be true or false, not a string"
        )

    def test_list_given_as_text(self, tmp_path: Path) -> None:
        message = self._error(tmp_path, 'logger-names = "AUTH"\n')

        assert message.endswith(
            ": [tool.logerr]: 'logger-names' must be an array of strings,"
            ' such as logger-names = ["name"], not a string'
        )

    def test_list_with_a_number(self, tmp_path: Path) -> None:
        message = self._error(tmp_path, 'ignore = ["LOG011", 12]\n')

        assert message.endswith(
            "'ignore' must be an array of strings, such as ignore = [\"name\"],"
            " not an array with non-string items"
        )

    def test_same_option_twice(self, tmp_path: Path) -> None:
        message = self._error(tmp_path, 'logger-names = ["A"]\nlogger_names = ["B"]\n')

        assert message.endswith(
            ": [tool.logerr]: 'logger_names' repeats 'logger-names'"
        )

    def test_bad_override_names_the_command_line(self, tmp_path: Path) -> None:
        _project(tmp_path, "")

        with pytest.raises(ConfigError) as error:
            config_from_pyproject(tmp_path, {"pii": "maybe"})

        assert str(error.value) == (
            "command line: 'pii': expected true or false, got 'maybe'"
        )

    def test_unknown_override(self, tmp_path: Path) -> None:
        _project(tmp_path, "")

        with pytest.raises(ConfigError, match=r"^command line: unknown key 'colour'$"):
            config_from_pyproject(tmp_path, {"colour": "red"})

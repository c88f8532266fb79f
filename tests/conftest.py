"""Shared fixtures: sample projects copied into temporary folders, and built sites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.pipeline import BuildResult, build
from digest.project import Project

ROOT = Path(__file__).resolve().parents[1]


def copy_project(target: Path, content: Path | None = None) -> Project:
    """A writable copy of the sample project (content and templates) at ``target``."""
    shutil.copytree(content or ROOT / "content", target / "content")
    shutil.copytree(ROOT / "templates", target / "templates")
    return Project(target)


def build_ok(project: Project, **options: object) -> BuildResult:
    result = build(project, **options)  # type: ignore[arg-type]
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample digest built once per test session (read-only for tests)."""
    project = copy_project(tmp_path_factory.mktemp("sample"))
    build_ok(project)
    return project.site_dir


@pytest.fixture
def scratch(tmp_path: Path) -> Project:
    """A fresh, writable copy of the sample project for tests that edit content."""
    return copy_project(tmp_path)

"""An installed wheel carries the rules and finds them without a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile


def test_wheel_ships_rules_and_finds_them(tmp_path, built_wheel):
    wheel = built_wheel
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "nlp/_rules/labels.yaml" in names
        assert any(n.startswith("nlp/_rules/targets/") for n in names)
        assert "nlp/py.typed" in names
        zf.extractall(tmp_path / "site")
    env = {k: v for k, v in os.environ.items() if k != "MSA_RULES"}
    env["PYTHONPATH"] = str(tmp_path / "site")
    code = (
        "from nlp.ruleset import default_rules_dir, load_ruleset; d = default_rules_dir(); "
        "print(d); print(len(load_ruleset().targets))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    assert out[0] == str((tmp_path / "site" / "nlp" / "_rules").resolve())
    assert int(out[1]) > 0

"""The benchmarks are scripts run by ``make bench``, never collected by pytest (``make test``)."""

collect_ignore_glob = ["*.py"]

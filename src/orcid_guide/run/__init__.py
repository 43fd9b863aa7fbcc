"""A run of tutorials from start to end: which to run, running them on workers, and what is left afterwards.

Layering (each imports only what is below it):

- ``shoot`` (one run: select, skip the unchanged, run, settle the baselines, write the report) and ``merge``
  (shards' build folders into one), called by cli.py only;
- ``report`` (build/report.json, the one record of a run) and ``review`` (the review page, made from a
  report only), ``records`` (build/runs.json), ``inputs`` (the shared fingerprint);
- ``workers`` (one browser and one sandbox per worker, a tutorial after another) and ``options`` (the one
  ``RunOptions`` factory);
- below the package: ``orcid_guide.engine`` (a tutorial in a browser; it imports nothing from ``run`` or the
  sandbox), ``orcid_guide.targets`` and ``orcid_guide.sandbox`` (where the tutorials run), ``orcid_guide.project``.

Nothing below ``run`` imports it, and ``run`` never imports cli.py or the site's modules.
"""

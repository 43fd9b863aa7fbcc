"""What several test modules (and the benchmarks in scripts/) share: form drivers, the site's pages, a static host."""

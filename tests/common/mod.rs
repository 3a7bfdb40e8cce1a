//! Helpers shared by the integration tests.

/// The text of a seed document in `../shared/seeds/`, or `None` when the seeds are not beside
/// the repository (then the caller skips its check). With `KOMPAS_REQUIRE_SEEDS` set, as CI
/// sets it, a missing seed fails the test instead.
pub(crate) fn seed(name: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(name);
    let Ok(text) = std::fs::read_to_string(&path) else {
        assert!(
            std::env::var_os("KOMPAS_REQUIRE_SEEDS").is_none(),
            "seed not found at {}",
            path.display()
        );
        eprintln!("seed not found at {}; check skipped", path.display());
        return None;
    };
    Some(text)
}

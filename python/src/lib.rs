//! `zhibiao._zhibiao`: the Rust engine for Python. Articles go out as the CLI's JSON text,
//! which `zhibiao/__init__.py` reads into dicts, so Python sees exactly the CLI's model.
//!
//! Every call releases the GIL while the engine runs, and a panic in the engine comes back
//! as `zhibiao.ZhibiaoError` for that call, never as a crash of the interpreter.

use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use zhibiao::parallel;

create_exception!(
    _zhibiao,
    ZhibiaoError,
    PyRuntimeError,
    "The engine failed on an article (a bug: please report the text)."
);

/// One article's JSON, or why the engine gave none.
fn article_json(source: &str, text: &str) -> Result<String, String> {
    serde_json::to_string(&zhibiao::analyze(source, text)).map_err(|e| e.to_string())
}

fn engine_error(source: &str, reason: &str) -> PyErr {
    ZhibiaoError::new_err(format!("{source}: the engine failed: {reason}"))
}

/// The JSON of one article: `{"source", "title", "cards"}`.
#[pyfunction]
fn analyze_json(py: Python<'_>, text: String, source: String) -> PyResult<String> {
    match py.detach(|| parallel::guarded(|| article_json(&source, &text))) {
        Ok(Ok(json)) => Ok(json),
        Ok(Err(reason)) | Err(reason) => Err(engine_error(&source, &reason)),
    }
}

/// The JSON of each article, in order, on `jobs` threads (`None`: every core).
#[pyfunction]
#[pyo3(signature = (texts, sources, jobs=None))]
fn analyze_many_json(
    py: Python<'_>,
    texts: Vec<String>,
    sources: Vec<String>,
    jobs: Option<usize>,
) -> PyResult<Vec<String>> {
    if texts.len() != sources.len() {
        return Err(PyValueError::new_err(format!(
            "{} texts but {} sources",
            texts.len(),
            sources.len()
        )));
    }
    if jobs == Some(0) {
        return Err(PyValueError::new_err(
            "jobs must be at least 1 (or None for every core)",
        ));
    }
    let items: Vec<(&str, &str)> = sources
        .iter()
        .zip(&texts)
        .map(|(s, t)| (s.as_str(), t.as_str()))
        .collect();
    let mut out = Vec::with_capacity(items.len());
    let mut failure = None;
    py.detach(|| {
        parallel::ordered(
            &items,
            parallel::threads(jobs),
            |(s, t)| article_json(s, t),
            |i, outcome| match outcome {
                Ok(Ok(json)) => out.push(json),
                Ok(Err(reason)) | Err(reason) => {
                    failure.get_or_insert((i, reason));
                }
            },
        )
    });
    match failure {
        Some((i, reason)) => Err(engine_error(&format!("texts[{i}]"), &reason)),
        None => Ok(out),
    }
}

#[pymodule]
fn _zhibiao(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many_json, m)?)?;
    m.add("ZhibiaoError", m.py().get_type::<ZhibiaoError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

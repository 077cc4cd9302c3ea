//! The `zhibiao` binary: the CLI natively, the web app when built for wasm32.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    std::process::exit(zhibiao::cli::run(std::env::args_os().skip(1)));
    #[cfg(all(target_arch = "wasm32", feature = "app"))]
    zhibiao::app::start();
}

//! Code fetched on first use. In the split release build (`--features split`, made by
//! `scripts/split-dist.sh`) a `split_fn!` function is cut into its own wasm chunk, fetched when
//! it is first called (or preloaded); elsewhere (`trunk serve`, tests, clippy) it is a plain
//! async function of the one module. `components::lazy_view` shows what such a function builds.

pub use leptos::wasm_split::SplitLoaderError;

/// `split_fn! { chunk / preload; fn name(args) -> T { body } }` defines `async fn name(args) ->
/// Result<T, SplitLoaderError>` and `async fn preload() -> Result<(), SplitLoaderError>`.
/// `fallible`: a chunk that cannot be fetched is an `Err`, not an abort of the whole module.
macro_rules! split_fn {
    ($chunk:ident / $preload:ident;
     $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        $(#[$meta])*
        #[leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::SplitLoaderError> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::SplitLoaderError> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        $vis async fn $preload() -> Result<(), $crate::split::SplitLoaderError> {
            Ok(())
        }
    };
}

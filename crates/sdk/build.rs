//! Records the target triple, so that the SDK builds modules for the platform it runs on.
fn main() {
    println!("cargo:rustc-env=IISSIM_SDK_TARGET={}", std::env::var("TARGET").unwrap());
    println!("cargo:rustc-env=IISSIM_SDK_HOST={}", std::env::var("HOST").unwrap());
    println!("cargo:rerun-if-changed=build.rs");
}

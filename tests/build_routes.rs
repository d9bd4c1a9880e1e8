//! Module authors build with their own tools: `iissim build`, the flags a Makefile takes from
//! `iissim sdk --cflags`, and CMake's `find_package(iissim)`. Each route builds the seed module,
//! which then serves a request.

use crate::common::{fixture, scratch};
use iissim::{Config, Harness};
use std::path::Path;
use std::process::Command;

fn iissim() -> Command {
    Command::new(env!("CARGO_BIN_EXE_iissim"))
}

fn stdout_of(command: &mut Command) -> String {
    let output = command.output().unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Loads `image` as the only module and checks the seed module's answer.
fn serves_the_seed_response(image: &Path) {
    let dir = image.parent().unwrap();
    let text = format!("[[modules]]\nname = \"UserToken\"\nimage = {:?}\n", image);
    let config = Config::parse(&text, &dir.join("iissim.toml"), dir).unwrap();
    let response = Harness::new(&config).unwrap().get("/").send();
    assert_eq!(response.body, br#"<?xml version="1.0" ?><user primaryToken="valid" />"#);
}

#[test]
fn iissim_build() {
    let image = scratch("route-cli").join("libusertoken.so");
    let _ = std::fs::remove_file(&image);
    stdout_of(iissim().arg("build").arg("-o").arg(&image).arg(fixture("user-token/module.cpp")));
    serves_the_seed_response(&image);
}

#[test]
fn makefile_flags() {
    let image = scratch("route-cflags").join("libusertoken.so");
    let _ = std::fs::remove_file(&image);
    let cflags = stdout_of(iissim().args(["sdk", "--cflags"]));
    stdout_of(
        Command::new("c++")
            .args(cflags.split_whitespace())
            .args(["-Wall", "-Werror", "-shared"])
            .arg(fixture("user-token/module.cpp"))
            .arg("-o")
            .arg(&image),
    );
    serves_the_seed_response(&image);
}

#[test]
fn cmake_find_package() {
    let dir = scratch("route-cmake");
    let build = dir.join("build");
    let _ = std::fs::remove_dir_all(&build);
    std::fs::write(
        dir.join("CMakeLists.txt"),
        format!(
            "cmake_minimum_required(VERSION 3.16)\nproject(usertoken CXX)\nfind_package(iissim REQUIRED)\n\
             add_library(usertoken MODULE {:?})\ntarget_link_libraries(usertoken PRIVATE iissim::sdk)\n",
            fixture("user-token/module.cpp")
        ),
    )
    .unwrap();
    let cmake_dir = stdout_of(iissim().args(["sdk", "--cmake-dir"]));
    let cmake = |args: &[&str]| {
        let mut command = Command::new("cmake");
        command.args(args);
        let output = command
            .output()
            .unwrap_or_else(|e| panic!("cmake: {e}; install it with: apt-get install cmake (`cargo xtask test` does)"));
        assert!(
            output.status.success(),
            "cmake {args:?}:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let source = dir.to_str().unwrap();
    let binary = build.to_str().unwrap();
    cmake(&["-S", source, "-B", binary, &format!("-DCMAKE_PREFIX_PATH={}", cmake_dir.trim())]);
    cmake(&["--build", binary]);
    serves_the_seed_response(&build.join("libusertoken.so"));
}

/// Every fixture module compiles with g++ and clang++ under -Wall -Wextra -Werror: no warning
/// comes from the SDK headers (or from the fixtures, which are written as Windows code is).
#[test]
fn every_fixture_compiles_warning_free_with_gxx_and_clang() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/modules");
    let mut sources: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path().join("module.cpp"))
        .filter(|p| p.is_file())
        .collect();
    sources.sort();
    assert!(sources.len() >= 15, "{sources:?}");
    let include = stdout_of(iissim().args(["sdk", "--include-dir"]));
    for compiler in ["g++", "clang++"] {
        for source in &sources {
            let output = Command::new(compiler)
                .args(["-std=c++14", "-Wall", "-Wextra", "-Werror", "-fsyntax-only", "-I", include.trim(), "-iquote"])
                .arg(source.parent().unwrap())
                .arg(source)
                .output()
                .unwrap_or_else(|e| {
                    panic!(
                        "{compiler}: {e}; install it with: apt-get install {}",
                        if compiler == "g++" { "g++" } else { "clang" }
                    )
                });
            assert!(
                output.status.success(),
                "{compiler} {}:\n{}",
                source.display(),
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}

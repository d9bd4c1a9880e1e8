//! The `iissim` command line: serve modules over HTTP, answer one request, build a module.
#![forbid(unsafe_code)]

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "iissim", version, about = "Run and test IIS native modules without IIS")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the configured site over HTTP until Ctrl-C.
    Serve {
        /// The iissim configuration file (TOML).
        #[arg(long, short)]
        config: PathBuf,
        /// Listen here instead of the site's `bind` (`127.0.0.1:0` picks a free port).
        #[arg(long)]
        bind: Option<String>,
        /// Runtime worker threads; each runs pipelines inline (default: one per core).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Run one request in-process and print the response as `curl -i` does.
    Request {
        /// The iissim configuration file (TOML).
        #[arg(long, short)]
        config: PathBuf,
        /// The HTTP method.
        #[arg(short = 'X', long = "request", default_value = "GET")]
        method: String,
        /// A request header, `Name: value`; repeat for more.
        #[arg(short = 'H', long = "header")]
        headers: Vec<String>,
        /// The request body.
        #[arg(short = 'd', long = "data")]
        data: Option<String>,
        /// Print the pipeline trace after the response.
        #[arg(long)]
        trace: bool,
        /// The path and query to request, e.g. `/index.html?x=1`.
        target: String,
    },
    /// Send a Run-Time Status and Control query (GL_RSCA_QUERY) and print the answer.
    Rsca {
        /// The iissim configuration file (TOML).
        #[arg(long, short)]
        config: PathBuf,
        /// Print the trace of the query after the answer.
        #[arg(long)]
        trace: bool,
        /// The function name, e.g. `PMH_App_Domain_Enum_V1`.
        function: String,
        /// The function's parameters.
        #[arg(default_value = "")]
        parameters: String,
    },
    /// Print the resolved pipeline: which modules run for each notification, in which order.
    Plan {
        /// The iissim configuration file (TOML).
        #[arg(long, short)]
        config: PathBuf,
    },
    /// Run spec files (`specs/*.toml`) and check their snapshots; exit 1 if any case fails.
    Test {
        /// Spec files, or folders searched for `specs/*.toml`.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Only cases whose `spec/case` name contains this.
        #[arg(long)]
        filter: Option<String>,
        /// Also write a JUnit XML report here.
        #[arg(long)]
        junit: Option<PathBuf>,
        /// Accept new and changed snapshots instead of writing `.snap.new` files.
        #[arg(long)]
        accept: bool,
        /// Run each spec's cases in a random order (printed, so a failure can be replayed).
        #[arg(long)]
        shuffle: bool,
        /// The seed for --shuffle.
        #[arg(long)]
        seed: Option<u64>,
        /// Specs run at once (default: one per core).
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Print what a build system needs to compile modules against the iissim SDK.
    Sdk {
        /// Compiler flags (then link with `-shared`).
        #[arg(long)]
        cflags: bool,
        /// The folder holding windows.h, sal.h, httpserv.h, ...
        #[arg(long)]
        include_dir: bool,
        /// The folder for CMAKE_PREFIX_PATH (find_package(iissim) gives the iissim::sdk target).
        #[arg(long)]
        cmake_dir: bool,
    },
    /// Build a module from its sources with the iissim SDK.
    Build {
        /// The C++ language level (MSVC's default, c++14, unless given).
        #[arg(long)]
        std: Option<String>,
        /// The image to write (a shared library).
        #[arg(short, long)]
        output: PathBuf,
        /// A preprocessor definition, `NAME` or `NAME=VALUE`.
        #[arg(short = 'D')]
        defines: Vec<String>,
        /// An include folder.
        #[arg(short = 'I')]
        include_dirs: Vec<PathBuf>,
        /// The module's C++ sources.
        #[arg(required = true)]
        sources: Vec<PathBuf>,
    },
}

fn main() {
    if let Err(e) = run(Cli::parse()) {
        eprintln!("iissim: error: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Serve { config: path, bind, threads } => {
            let (config, worker) = iissim::load_worker_from(&path)?;
            report_load(&worker);
            let bind = bind.unwrap_or_else(|| config.site.bind.clone());
            let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
            let housekeeping = iissim_server::Housekeeping::from_config(&config, &path);
            iissim_server::run(worker, &bind, threads, housekeeping, |addr| {
                println!("iissim: serving {} on http://{addr}/ (Ctrl-C stops)", config.site.name);
                let _ = std::io::stdout().flush();
            })
            .with_context(|| format!("serving on {bind}"))?;
            Ok(())
        }
        Command::Request { config, method, headers, data, trace, target } => {
            let (_, worker) = iissim::load_worker_from(&config)?;
            report_load(&worker);
            let mut request = iissim::Request::new(&method, &target);
            for header in headers {
                let Some((name, value)) = header.split_once(':') else {
                    bail!("header `{header}` is not `Name: value`");
                };
                request.headers.push((name.trim().to_string(), value.trim().to_string()));
            }
            if let Some(data) = data {
                request.body = data.into_bytes();
            }
            let response = worker.execute(request.framed());
            print!("{}", response.to_http_string());
            println!();
            if trace {
                eprint!("{}", response.trace.render());
            }
            for d in &response.diagnostics {
                eprintln!("iissim: {d}");
            }
            Ok(())
        }
        Command::Test { paths, filter, junit, accept, shuffle, seed, jobs } => {
            let shuffle_seed = (shuffle || seed.is_some()).then(|| {
                seed.unwrap_or_else(|| {
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(1, |d| d.as_nanos() as u64)
                })
            });
            if let Some(seed) = shuffle_seed {
                println!("shuffling cases with --seed {seed}");
            }
            let options = iissim::spec::suite::Options { filter, accept, shuffle_seed, jobs };
            let outcomes = iissim::spec::suite::run(&paths, &options);
            if outcomes.is_empty() {
                bail!(
                    "no spec cases found under {}",
                    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
                );
            }
            print!("{}", iissim::spec::suite::report(&outcomes));
            if let Some(junit) = junit {
                std::fs::write(&junit, iissim::spec::junit::render(&outcomes))
                    .with_context(|| format!("writing {}", junit.display()))?;
            }
            if outcomes.iter().any(|o| !o.passed()) {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Rsca { config, trace, function, parameters } => {
            let (_, worker) = iissim::load_worker_from(&config)?;
            report_load(&worker);
            let answer = worker.rsca_query(&function, &parameters);
            println!("handled: {}, result: 0x{:08x}", answer.handled, answer.hr as u32);
            println!("{}", String::from_utf8_lossy(&answer.output));
            if trace {
                print!("{}", answer.trace.render());
            }
            if !answer.handled {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Plan { config } => {
            let (_, worker) = iissim::load_worker_from(&config)?;
            report_load(&worker);
            print!("{}", worker.plan());
            Ok(())
        }
        Command::Sdk { cflags, include_dir, cmake_dir } => {
            if !(cflags || include_dir || cmake_dir) {
                bail!("say what to print: --cflags, --include-dir or --cmake-dir");
            }
            if cflags {
                println!("{}", iissim_sdk::cflags());
            }
            if include_dir {
                println!("{}", iissim_sdk::include_dir().display());
            }
            if cmake_dir {
                println!("{}", iissim_sdk::cmake_dir().display());
            }
            Ok(())
        }
        Command::Build { std, output, defines, include_dirs, sources } => {
            let name =
                output.file_stem().and_then(|s| s.to_str()).unwrap_or("module").trim_start_matches("lib").to_string();
            let mut build = iissim_sdk::ModuleBuild::new(&name).sources(sources).out_dir(iissim::build_dir());
            if let Some(std) = std {
                build = build.std(&std);
            }
            for d in &defines {
                build = build.define(d);
            }
            for i in include_dirs {
                build = build.include_dir(i);
            }
            let image = build.build()?;
            std::fs::copy(&image, &output).with_context(|| format!("writing {}", output.display()))?;
            println!("{}", output.display());
            Ok(())
        }
    }
}

fn report_load(worker: &iissim::Worker) {
    for d in worker.load_diagnostics() {
        eprintln!("iissim: {d}");
    }
}

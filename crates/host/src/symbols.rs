//! Reading a module image's symbol table, to say what it exports instead of `RegisterModule`.

use object::{Object, ObjectSymbol};
use std::path::Path;

/// A mangled `RegisterModule` (the definition lacked C linkage), or any export naming it.
pub fn find_mangled_register_module(path: &Path) -> Option<String> {
    let data = std::fs::read(path).ok()?;
    let file = object::File::parse(&*data).ok()?;
    let names: Vec<String> = file
        .dynamic_symbols()
        .chain(file.symbols())
        .filter(|s| s.is_definition())
        .filter_map(|s| s.name().ok().map(str::to_string))
        .collect();
    names.into_iter().find(|n| n.contains("RegisterModule"))
}

// CodeRoom's call site: LeetCode's predefined names, the candidate's solution.rs, the typed call.
#[allow(unused_imports)]
use coderoom_harness::prelude::*;
pub struct Solution;
include!("solution.rs");
fn __coderoom_test(r: &mut coderoom_harness::Reader, test: coderoom_harness::Test) {
    let args = (|| -> coderoom_harness::ReadResult<_> {
        r.expect(b'[')?;
        let a0: i32 = <i32 as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a1: i64 = <i64 as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a2: f64 = <f64 as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a3: bool = <bool as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a4: String = <String as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a5: char = <char as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a6: Vec<Vec<char>> = <Vec<Vec<char>> as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a7: Vec<String> = <Vec<String> as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a8: Vec<Vec<i32>> = <Vec<Vec<i32>> as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a9: Vec<f64> = <Vec<f64> as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a10: Vec<i64> = <Vec<i64> as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a11: Vec<Vec<String>> = <Vec<Vec<String>> as coderoom_harness::Json>::read(r)?;
        r.expect(b']')?;
        Ok((a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, ))
    })();
    #[allow(unused_mut)]
    let (mut a0, mut a1, mut a2, mut a3, mut a4, mut a5, mut a6, mut a7, mut a8, mut a9, mut a10, mut a11, ) = match args {
        Ok(a) => a,
        Err(e) => return coderoom_harness::bad_input(test, e),
    };
    test.execute(move || { let __coderoom_method: fn(_, _, _, _, _, _, _, _, _, _, _, _) -> _ = Solution::describe; std::hint::black_box(__coderoom_method)(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11) }, |out: &mut String, v: &String| coderoom_harness::write_value(out, v));
}
fn main() {
    coderoom_harness::run(__coderoom_test)
}

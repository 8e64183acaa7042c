// CodeRoom's call site: LeetCode's predefined names, the candidate's solution.rs, the typed call.
#[allow(unused_imports)]
use coderoom_harness::prelude::*;
pub struct Solution;
include!("solution.rs");
fn __coderoom_test(r: &mut coderoom_harness::Reader, test: coderoom_harness::Test) {
    let args = (|| -> coderoom_harness::ReadResult<_> {
        r.expect(b'[')?;
        let a0: Vec<i32> = <Vec<i32> as coderoom_harness::Json>::read(r)?;
        r.expect(b',')?;
        let a1: i32 = <i32 as coderoom_harness::Json>::read(r)?;
        r.expect(b']')?;
        Ok((a0, a1, ))
    })();
    #[allow(unused_mut)]
    let (mut a0, mut a1, ) = match args {
        Ok(a) => a,
        Err(e) => return coderoom_harness::bad_input(test, e),
    };
    test.execute(move || { let __coderoom_method: fn(_, _) -> _ = Solution::two_sum; std::hint::black_box(__coderoom_method)(a0, a1) }, |out: &mut String, v: &Vec<i32>| coderoom_harness::write_value(out, v));
}
fn main() {
    coderoom_harness::run(__coderoom_test)
}

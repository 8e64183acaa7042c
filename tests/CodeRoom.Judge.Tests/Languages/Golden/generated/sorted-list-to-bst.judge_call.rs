// CodeRoom's call site: LeetCode's predefined names, the candidate's solution.rs, the typed call.
#[allow(unused_imports)]
use coderoom_harness::prelude::*;
pub struct Solution;
include!("solution.rs");
fn __coderoom_test(r: &mut coderoom_harness::Reader, test: coderoom_harness::Test) {
    let args = (|| -> coderoom_harness::ReadResult<_> {
        r.expect(b'[')?;
        let a0: Option<Box<ListNode>> = coderoom_harness::read_list::<ListNode>(r)?;
        r.expect(b']')?;
        Ok((a0, ))
    })();
    #[allow(unused_mut)]
    let (mut a0, ) = match args {
        Ok(a) => a,
        Err(e) => return coderoom_harness::bad_input(test, e),
    };
    test.execute(move || { let __coderoom_method: fn(_) -> _ = Solution::sorted_list_to_bst; std::hint::black_box(__coderoom_method)(a0) }, |out: &mut String, v: &Option<Rc<RefCell<TreeNode>>>| coderoom_harness::write_tree(out, v));
}
fn main() {
    coderoom_harness::run(__coderoom_test)
}

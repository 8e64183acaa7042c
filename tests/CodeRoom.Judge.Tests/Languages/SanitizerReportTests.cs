using CodeRoom.Judge.Languages.Cpp;

namespace CodeRoom.Judge.Tests.Languages;

/// <summary>
/// How a C++ test's stderr becomes its error (Languages/Cpp/Sanitizers.cs). stderr is the candidate's: the parser
/// takes the last report, bounds what it keeps and never throws.
/// </summary>
public sealed class SanitizerReportTests
{
    [Fact]
    public void An_AddressSanitizer_report_names_its_kind_address_and_access()
    {
        const string stderr = """
            =================================================================
            ==2==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x50200000011c at pc 0x560c235f834c bp 0x7ff327ffe1a0 sp 0x7ff327ffe198
            READ of size 4 at 0x50200000011c thread T1
                #0 0x560c235f834b  (/box/main+0x10c34b) (BuildId: 876403bc6b39aba75631f8656e92ea9e8aee0e1d)
            ==2==ABORTING
            """;
        Assert.Equal("AddressSanitizer: heap-buffer-overflow on address 0x50200000011c (READ of size 4)", Sanitizers.Describe(stderr));
    }

    [Fact]
    public void A_null_pointer_seen_by_AddressSanitizer_says_so()
    {
        const string stderr = """
            ==2==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000 (pc 0x55d4302483fb bp 0x7f49acdfe1c0 sp 0x7f49acdfe1b8 T1)
            ==2==The signal is caused by a READ memory access.
            ==2==Hint: address points to the zero page.
            """;
        Assert.Equal("AddressSanitizer: SEGV on unknown address 0x000000000000 (a null pointer)", Sanitizers.Describe(stderr));
    }

    [Fact]
    public void An_UndefinedBehaviorSanitizer_report_is_a_runtime_error_with_the_file_only_when_not_the_candidates()
    {
        Assert.Equal("runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'",
            Sanitizers.Describe("solution.cpp:5:17: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'\n"
                + "SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior solution.cpp:5:17\n"));
        Assert.Equal("runtime error: addition of unsigned offset to 0x503000000040 overflowed to 0x50300000003c (in stl_vector.h)",
            Sanitizers.Describe("/usr/lib/gcc/x86_64-linux-gnu/12/../../../../include/c++/12/bits/stl_vector.h:1124:34: runtime error: "
                + "addition of unsigned offset to 0x503000000040 overflowed to 0x50300000003c\n"));
    }

    [Fact]
    public void A_libstdcxx_assertion_names_the_operation_and_its_condition()
    {
        const string stderr = "/usr/lib/gcc/x86_64-linux-gnu/12/../../../../include/c++/12/bits/stl_vector.h:1123: "
            + "std::vector<_Tp, _Alloc>::reference std::vector<_Tp, _Alloc>::operator[](size_type) [with _Tp = int; _Alloc = "
            + "std::allocator<int>; reference = int&; size_type = long unsigned int]: Assertion '__n < this->size()' failed.\n";
        Assert.Equal("runtime error: out of range in std::vector::operator[] (Assertion '__n < this->size()' failed)", Sanitizers.Describe(stderr));
    }

    [Fact]
    public void The_candidates_own_assert_and_plain_output_are_no_report()
    {
        Assert.Null(Sanitizers.Describe("main: solution.cpp:4: int Solution::last(vector<int> &, int): Assertion `k > 0' failed.\n"));
        Assert.Null(Sanitizers.Describe("debug: i = 3\n"));
        Assert.Null(Sanitizers.Describe(""));
    }

    [Fact]
    public void The_last_report_wins_and_hostile_text_stays_bounded()
    {
        var forged = "==1==ERROR: AddressSanitizer: heap-use-after-free on address 0x1 at pc 0x2\n"
            + "solution.cpp:3:1: runtime error: division by zero\n";
        Assert.Equal("runtime error: division by zero", Sanitizers.Describe(forged));
        var huge = "==1==ERROR: AddressSanitizer: " + new string('x', 100_000) + "\n" + new string(':', 100_000);
        Assert.True((Sanitizers.Describe(huge) ?? "").Length <= 300);
    }

    [Fact]
    public void Golds_warning_about_the_sanitizer_runtime_is_not_shown()
    {
        var cleaned = new CppToolchain().Plan(Signatures.TwoSum, "").CleanCompilerOutput(
            "ld.gold: warning: Cannot export local symbol '__asan_extra_spill_area'\nsolution.cpp:3:5: warning: unused variable 'x'\n");
        Assert.Equal("solution.cpp:3:5: warning: unused variable 'x'\n", cleaned);
    }
}

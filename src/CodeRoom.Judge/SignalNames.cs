namespace CodeRoom.Judge;

/// <summary>Human names for the signals that end crashed programs.</summary>
internal static class SignalNames
{
    public static string Describe(int signal) => signal switch
    {
        4 => "runtime error: SIGILL (illegal instruction)",
        6 => "runtime error: SIGABRT (aborted, e.g. a failed assertion or an uncaught C++ exception)",
        7 => "runtime error: SIGBUS (bus error)",
        8 => "runtime error: SIGFPE (arithmetic error, e.g. integer division by zero)",
        9 => "runtime error: SIGKILL (killed)",
        11 => "runtime error: SIGSEGV (segmentation fault: invalid memory access, e.g. out-of-bounds index, null pointer or stack overflow)",
        13 => "runtime error: SIGPIPE (broken pipe)",
        24 => "runtime error: SIGXCPU (CPU time limit)",
        25 => "runtime error: SIGXFSZ (file size limit exceeded)",
        31 => "runtime error: SIGSYS (a forbidden system call)",
        _ => $"runtime error: killed by signal {signal}",
    };
}

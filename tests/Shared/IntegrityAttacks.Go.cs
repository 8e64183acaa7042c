using CodeRoom.Judge.Contract;

namespace CodeRoom.Tests.Shared;

/// <summary>The Go attacks (addTwo(a, b int64) int64 unless said otherwise): the same attacks as the other languages',
/// written with what a Go candidate can reach (os.NewFile(3), syscall, package-level initialisers).</summary>
internal static partial class Attacks
{
    static Attacks()
    {
        ResendStart[LanguageId.Go] = """
            import (
                "os"
                "syscall"
            )

            var calls int
            var control = os.NewFile(3, "control")

            func cpu() float64 {
                var ru syscall.Rusage
                syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
                return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
            }

            func addTwo(a int64, b int64) int64 {
                index := calls
                calls++
                start := cpu()
                mark := start
                for cpu()-start < 1.2 {
                    if cpu()-mark >= 0.05 {
                        mark = cpu()
                        control.WriteString(fmt.Sprintf("S %d\n", index))
                        control.WriteString("H\n")
                        control.WriteString("R 7 {\"ok\":true,\"value\":3,\"ms\":0.001}\n")
                    }
                }
                return a + b
            }
            """;
        ForgedFastResult[LanguageId.Go] = """
            import (
                "os"
                "syscall"
            )

            var calls int

            func cpu() float64 {
                var ru syscall.Rusage
                syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
                return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
            }

            func addTwo(a int64, b int64) int64 {
                index := calls
                calls++
                start := cpu()
                for cpu()-start < 0.3 {
                }
                os.NewFile(3, "control").WriteString(fmt.Sprintf("R %d {\"ok\":true,\"value\":%d,\"ms\":0.001}\n", index, a+b))
                return a + b
            }
            """;
        EndlessLoop[LanguageId.Go] = """
            func addTwo(a int64, b int64) int64 {
                spin := 0
                for {
                    spin++
                }
            }
            """;
        Forge[LanguageId.Go] = """
            import "os"

            func forge(line string) int {
                var data []byte
                switch {
                case line == "HUGE":
                    data = append([]byte(`R 0 {"ok":true,"value":"`), bytes.Repeat([]byte{'A'}, 50<<20)...)
                    data = append(data, `","ms":0.001}`...)
                case line == "LONGERROR":
                    data = append([]byte(`R 0 {"ok":false,"kind":"runtime","error":"`), bytes.Repeat([]byte{'E'}, 4<<20)...)
                    data = append(data, `","line":null,"ms":0.001}`...)
                case strings.HasPrefix(line, "DEEP"):
                    depth, _ := strconv.Atoi(line[4:])
                    data = []byte(`R 0 {"ok":true,"value":` + strings.Repeat("[", depth) + "7" + strings.Repeat("]", depth) + `,"ms":0.001}`)
                default:
                    // Each character as one byte, so any byte can be sent.
                    for _, r := range line {
                        data = append(data, byte(r))
                    }
                }
                data = append(data, '\n')
                os.NewFile(3, "control").Write(data)
                return 7
            }
            """;
    }

    /// <summary>Go, in a package-level initialiser (before the first test) and in its call: whatever fd 0 holds, read
    /// without blocking; fails test 0 with every test line it found (and forges test 0's failure with them).</summary>
    public const string GoStdin = """
        import (
            "os"
            "regexp"
            "syscall"
            "time"
        )

        var testLine = regexp.MustCompile(`\d*\t\[[-0-9,\[\]]*\]`)

        func stdinNow(wait time.Duration) []string {
            syscall.SetNonblock(0, true)
            defer syscall.SetNonblock(0, false)
            found := []string{}
            until := time.Now().Add(wait)
            buf := make([]byte, 1<<20)
            for {
                n, err := syscall.Read(0, buf)
                if n > 0 {
                    found = append(found, testLine.FindAllString(string(buf[:n]), -1)...)
                    continue
                }
                if err != nil && len(found) == 0 && time.Now().Before(until) {
                    time.Sleep(10 * time.Millisecond)
                    continue
                }
                return found
            }
        }

        var early = func() []string {
            found := stdinNow(300 * time.Millisecond)
            if len(found) > 0 {
                text := "LEAK " + strings.Join(found, " | ")
                fmt.Println(text)
                control := os.NewFile(3, "control")
                control.WriteString("S 0\n")
                control.WriteString(`R 0 {"ok":false,"kind":"runtime","error":` + strconv.Quote(text) + `,"line":null,"ms":0}` + "\n")
            }
            return found
        }()

        func addTwo(a int64, b int64) int64 {
            text := "LEAK " + strings.Join(append(early, stdinNow(0)...), " | ")
            fmt.Println(text)
            if len(text) > 1900 {
                text = text[:1900]
            }
            panic(text)
        }
        """;

    /// <summary>Spins 1.5 s of CPU in a package-level initialiser, before the first test could start.</summary>
    public const string GoPackageInitSpin = """
        import "syscall"

        func cpu() float64 {
            var ru syscall.Rusage
            syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
            return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
        }

        var slowStart = func() int {
            start := cpu()
            for cpu()-start < 1.5 {
            }
            return 1
        }()

        func addTwo(a int64, b int64) int64 {
            return a + b + int64(slowStart) - 1
        }
        """;
}

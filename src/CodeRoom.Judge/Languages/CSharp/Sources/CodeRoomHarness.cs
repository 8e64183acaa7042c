// CodeRoom C# harness: speaks docs/harness-protocol.md. Static, compiled once (with ListNode and TreeNode) into
// CodeRoomHarness.dll; it loads the candidate's compiled Solution.dll, finds the method by reflection and converts
// each JSON argument to the parameter's declared type. Everything here runs in the candidate's process: it is a
// convenience, never an authority (the supervisor times and compares).
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.Win32.SafeHandles;

/// <summary>LeetCode's definition.</summary>
public class ListNode
{
    public int val;
    public ListNode next;

    public ListNode(int val = 0, ListNode next = null)
    {
        this.val = val;
        this.next = next;
    }
}

/// <summary>LeetCode's definition.</summary>
public class TreeNode
{
    public int val;
    public TreeNode left;
    public TreeNode right;

    public TreeNode(int val = 0, TreeNode left = null, TreeNode right = null)
    {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}

namespace CodeRoom.Harness
{
    internal static class Program
    {
        internal const string CandidateFile = "Solution.cs";
        private const int MaxErrorChars = 2000;
        private const int MaxNodes = 10_000_000;

        private static Stream _control;
        private static TextWriter _out;
        private static TextWriter _err;

        private static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--compile-server")
            {
                return CompileServerEntry.Run(args);
            }
            // Deep recursion runs on this thread; a .NET stack overflow cannot be caught and ends the process (a
            // runtime error), before the touched stack pages reach the memory limit (a quarter of it).
            var stack = args.Length > 0 && long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 64L << 20;
            var exit = 0;
            var worker = new Thread(() => exit = RunSafely(), (int)Math.Min(stack, int.MaxValue - 4096));
            worker.Start();
            worker.Join();
            Flush();
            // Threads the candidate started must not keep the process alive.
            Environment.Exit(exit);
            return exit;
        }

        private static int RunSafely()
        {
            try
            {
                Run();
                return 0;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine("harness failure: " + e);
                return 70;
            }
        }

        private static void Run()
        {
            _control = new FileStream(new SafeFileHandle((IntPtr)3, ownsHandle: false), FileAccess.Write, 1);
            _out = Console.Out;
            _err = Console.Error;
            WarmUp();
            var stdin = new LineReader(Console.OpenStandardInput());
            var headerLine = stdin.ReadLine();
            if (headerLine is null)
            {
                return;
            }
            var header = JsonNode.Parse(headerLine)!.AsObject();
            var nonce = (string)header["nonce"]!;
            var function = (string)header["function"]!;
            var parameters = header["params"]!.AsArray();
            var types = parameters.Select(p => Ty.Parse((string)p!["type"]!)).ToArray();
            var judged = Ty.Parse((string)header["return_type"]!);
            var outputParam = (string)header["output_param"];
            var outputIndex = -1;
            for (var i = 0; i < parameters.Count; i++)
            {
                if ((string)parameters[i]!["name"]! == outputParam)
                {
                    outputIndex = i;
                    judged = types[i];
                }
            }
            // A runtime started ahead of time gets the compiled assembly in the header; otherwise it is in /box.
            var assembly = header["assembly"] is JsonNode inline ? Convert.FromBase64String((string)inline!) : null;
            // Up, and none of the candidate's code has run yet (its assembly loads below): the supervisor starts the
            // first test's clock and hands its input over now.
            WriteControl("H");
            var loaded = Loaded.Load(assembly ?? File.ReadAllBytes("/box/Solution.dll"), function, types.Length);
            if (loaded.Error is not null)
            {
                WriteControl("C " + loaded.Error);
                return;
            }
            string line;
            while ((line = stdin.ReadLine()) is not null)
            {
                var tab = line.IndexOf('\t');
                if (tab < 0)
                {
                    continue;
                }
                var index = long.Parse(line.AsSpan(0, tab).Trim(), CultureInfo.InvariantCulture);
                var result = RunTest(index, line[(tab + 1)..], loaded, types, outputIndex, judged, nonce);
                WriteControl("R " + index.ToString(CultureInfo.InvariantCulture) + " " + result);
            }
        }

        private static string RunTest(long index, string json, Loaded loaded, Ty[] types, int outputIndex, Ty judged, string nonce)
        {
            // JsonDocument, not JsonNode: 10^6 integers cost a few bytes each (the document's rows) instead of a node
            // object each, and arrays of numbers are read into typed arrays without boxing.
            var parameters = loaded.Method.GetParameters();
            var args = new object[types.Length];
            using (var document = JsonDocument.Parse(json))
            {
                var i = 0;
                foreach (var argument in document.RootElement.EnumerateArray())
                {
                    if (i == types.Length)
                    {
                        break;
                    }
                    args[i] = FromJson(argument, types[i], parameters[i].ParameterType);
                    i++;
                }
            }
            Begin(index, nonce);
            object instance;
            try
            {
                instance = loaded.Constructor.Invoke(null);
            }
            catch (TargetInvocationException e)
            {
                Flush();
                return Failure(e.InnerException ?? e, 0);
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            object result;
            try
            {
                result = loaded.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, args, CultureInfo.InvariantCulture);
            }
            catch (Exception e)
            {
                var failedMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Flush();
                return Failure(e, failedMs);
            }
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Flush();
            var value = outputIndex >= 0 ? args[outputIndex] : result;
            var buffer = new MemoryStream();
            try
            {
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    writer.WriteStartObject();
                    writer.WriteBoolean("ok", true);
                    writer.WritePropertyName("value");
                    Write(writer, value, judged, 0);
                    writer.WriteNumber("ms", ms);
                    writer.WriteEndObject();
                }
                return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
            catch (OutputException e)
            {
                return Obj("output", "return value cannot be serialised: " + e.Message, null, ms);
            }
        }

        private static string Failure(Exception e, double ms)
        {
            var kind = e switch
            {
                OutOfMemoryException or InsufficientMemoryException => "memory",
                InsufficientExecutionStackException => "stack",
                _ => "runtime",
            };
            var message = e.GetType().FullName + (string.IsNullOrEmpty(e.Message) ? "" : ": " + e.Message);
            return Obj(kind, message, CandidateLine(e), ms);
        }

        /// <summary>The innermost frame in the candidate's file (its embedded PDB gives the lines).</summary>
        private static int? CandidateLine(Exception e)
        {
            try
            {
                var trace = new System.Diagnostics.StackTrace(e, fNeedFileInfo: true);
                foreach (var frame in trace.GetFrames())
                {
                    var file = frame.GetFileName();
                    if (file is not null && Path.GetFileName(file) == CandidateFile && frame.GetFileLineNumber() > 0)
                    {
                        return frame.GetFileLineNumber();
                    }
                }
            }
            catch (Exception)
            {
                // A line is a nicety; the verdict does not depend on it.
            }
            return null;
        }

        private static string Obj(string kind, string error, int? line, double ms)
        {
            if (error.Length > MaxErrorChars)
            {
                error = error[..MaxErrorChars];
            }
            var o = new JsonObject
            {
                ["ok"] = false,
                ["kind"] = kind,
                ["error"] = error,
                ["line"] = line,
                ["ms"] = ms,
            };
            return o.ToJsonString();
        }

        private static void Begin(long index, string nonce)
        {
            Flush();
            var marker = "\u001e" + nonce + ":" + index.ToString(CultureInfo.InvariantCulture) + "\u001e";
            _out.Write(marker);
            _out.Flush();
            _err.Write(marker);
            _err.Flush();
        }

        private static void Flush()
        {
            try
            {
                Console.Out.Flush();
                Console.Error.Flush();
            }
            catch (Exception)
            {
                // The candidate may have replaced or closed the console's writers.
            }
        }

        private static void WriteControl(string line)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            _control.Write(bytes, 0, bytes.Length);
            _control.Flush();
        }

        /// <summary>Loads and links the harness's own code paths before the header is read, so a runtime started ahead
        /// of time spends its JIT here, not on a candidate's request.</summary>
        private static void WarmUp()
        {
            try
            {
                using var document = JsonDocument.Parse("[[1,-2,3],[\"ab\",\"c\"],[[1,2],[3]],1.5,true,\"x\",[1,null,2],12345678901]");
                var node = document.RootElement.EnumerateArray().ToArray();
                var a = (int[])FromJson(node[0], Ty.Parse("integer[]"), typeof(int[]));
                var l = FromJson(node[2], Ty.Parse("list<list<integer>>"), typeof(IList<IList<int>>));
                var t = FromJson(node[6], Ty.Parse("TreeNode"), typeof(TreeNode));
                var ln = FromJson(node[0], Ty.Parse("ListNode"), typeof(ListNode));
                FromJson(node[1], Ty.Parse("string[]"), typeof(string[]));
                FromJson(node[3], Ty.Parse("double"), typeof(double));
                FromJson(node[7], Ty.Parse("long"), typeof(long));
                var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
                {
                    writer.WriteStartArray();
                    Write(writer, a, Ty.Parse("integer[]"), 0);
                    Write(writer, l, Ty.Parse("list<list<integer>>"), 0);
                    Write(writer, t, Ty.Parse("TreeNode"), 0);
                    Write(writer, ln, Ty.Parse("ListNode"), 0);
                    Write(writer, 2.5, Ty.Parse("double"), 0);
                    Write(writer, "s", Ty.Parse("string"), 0);
                    writer.WriteEndArray();
                }
                var method = typeof(WarmUpSample).GetMethod(nameof(WarmUpSample.Call))!;
                method.Invoke(new WarmUpSample(), BindingFlags.DoNotWrapExceptions, null, [a, l], CultureInfo.InvariantCulture);
                Obj("runtime", "x", CandidateLine(new InvalidOperationException()), 0);
            }
            catch (Exception)
            {
                // Only a warm-up: the real run reports its own errors.
            }
        }

        private sealed class WarmUpSample
        {
            public int Call(int[] a, IList<IList<int>> b) => a.Length + b.Count;
        }

        // ---- JSON in: contract value -> the parameter's declared CLR type ----

        internal static object FromJson(JsonElement node, Ty ty, Type clr)
        {
            var isNull = node.ValueKind == JsonValueKind.Null;
            switch (ty.Kind)
            {
                case "integer":
                    return clr == typeof(long) ? node.GetInt64() : clr == typeof(double) ? node.GetDouble() : (object)node.GetInt32();
                case "long":
                    return node.GetInt64();
                case "double":
                    return node.GetDouble();
                case "boolean":
                    return node.GetBoolean();
                case "string":
                    return isNull ? null : node.GetString();
                case "character":
                    return node.GetString()![0];
                case "ListNode":
                    return BuildList(isNull ? null : Items(node), clr);
                case "TreeNode":
                    return BuildTree(isNull ? null : Items(node), clr);
                case "array":
                case "list":
                {
                    if (isNull)
                    {
                        return null;
                    }
                    var count = node.GetArrayLength();
                    var element = ElementType(clr);
                    // The big inputs: numbers straight into a typed array or list, no boxing per element.
                    if (ty.Element.Kind is "integer" or "long" or "double" && TypedNumbers(node, count, clr, element) is { } typed)
                    {
                        return typed;
                    }
                    if (clr.IsArray)
                    {
                        var array = Array.CreateInstance(element, count);
                        var i = 0;
                        foreach (var item in node.EnumerateArray())
                        {
                            array.SetValue(FromJson(item, ty.Element, element), i++);
                        }
                        return array;
                    }
                    var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element), count)!;
                    foreach (var item in node.EnumerateArray())
                    {
                        list.Add(FromJson(item, ty.Element, element));
                    }
                    return list;
                }
                default:
                    throw new InvalidOperationException("unknown type " + ty.Kind);
            }
        }

        private static List<JsonElement> Items(JsonElement node) => [.. node.EnumerateArray()];

        /// <summary>int[], long[], double[] and their List forms, filled without boxing; null for any other shape.</summary>
        private static object TypedNumbers(JsonElement node, int count, Type clr, Type element) =>
            element == typeof(int) ? Numbers(node, count, clr, item => item.GetInt32())
            : element == typeof(long) ? Numbers(node, count, clr, item => item.GetInt64())
            : element == typeof(double) ? Numbers(node, count, clr, item => item.GetDouble())
            : null;

        private static object Numbers<T>(JsonElement node, int count, Type clr, Func<JsonElement, T> read)
        {
            var values = new T[count];
            var i = 0;
            foreach (var item in node.EnumerateArray())
            {
                values[i++] = read(item);
            }
            return clr.IsArray ? values : clr.IsAssignableFrom(typeof(List<T>)) ? new List<T>(values) : null;
        }

        /// <summary>The element type of T[], List&lt;T&gt;, IList&lt;T&gt;, IEnumerable&lt;T&gt; and the like.</summary>
        private static Type ElementType(Type clr)
        {
            if (clr.IsArray)
            {
                return clr.GetElementType()!;
            }
            if (clr.IsGenericType && clr.GetGenericArguments().Length == 1)
            {
                return clr.GetGenericArguments()[0];
            }
            throw new InvalidOperationException("parameter type " + clr + " is not a list");
        }

        // ListNode and TreeNode are built through their fields, so a candidate's own class of that name works too.
        private static object BuildList(List<JsonElement> items, Type clr)
        {
            if (items is null || items.Count == 0)
            {
                return null;
            }
            var next = clr.GetField("next")!;
            var make = NodeMaker(clr);
            object head = null;
            for (var i = items.Count - 1; i >= 0; i--)
            {
                var node = make(items[i].GetInt32());
                next.SetValue(node, head);
                head = node;
            }
            return head;
        }

        /// <summary>A node by its constructor (val, null...) as LeetCode's code makes them, so a candidate's own node
        /// class gets its field initialisers; without such a constructor, an uninitialised object with val set.</summary>
        private static Func<int, object> NodeMaker(Type clr)
        {
            var val = clr.GetField("val")!;
            var constructor = clr.GetConstructors().FirstOrDefault(c =>
            {
                var ps = c.GetParameters();
                return ps.Length > 0 && ps[0].ParameterType == typeof(int) && ps.Skip(1).All(p => !p.ParameterType.IsValueType);
            });
            if (constructor is not null)
            {
                var rest = constructor.GetParameters().Length - 1;
                return v =>
                {
                    var args = new object[rest + 1];
                    args[0] = v;
                    return constructor.Invoke(args);
                };
            }
            return v =>
            {
                var node = RuntimeHelpers.GetUninitializedObject(clr);
                val.SetValue(node, v);
                return node;
            };
        }

        private static object BuildTree(List<JsonElement> items, Type clr)
        {
            if (items is null || items.Count == 0 || items[0].ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var left = clr.GetField("left")!;
            var right = clr.GetField("right")!;
            var make = NodeMaker(clr);
            object Make(JsonElement n) => make(n.GetInt32());
            var root = Make(items[0]);
            var queue = new Queue<object>();
            queue.Enqueue(root);
            var i = 1;
            while (queue.Count > 0 && i < items.Count)
            {
                var parent = queue.Dequeue();
                if (i < items.Count)
                {
                    if (items[i].ValueKind != JsonValueKind.Null)
                    {
                        var child = Make(items[i]);
                        left.SetValue(parent, child);
                        queue.Enqueue(child);
                    }
                    i++;
                }
                if (i < items.Count)
                {
                    if (items[i].ValueKind != JsonValueKind.Null)
                    {
                        var child = Make(items[i]);
                        right.SetValue(parent, child);
                        queue.Enqueue(child);
                    }
                    i++;
                }
            }
            return root;
        }

        // ---- JSON out: the returned value -> the contract's JSON form ----

        internal sealed class OutputException(string message) : Exception(message);

        internal static void Write(Utf8JsonWriter w, object value, Ty ty, int depth)
        {
            if (value is null)
            {
                // An empty list or tree is [] in the contract; any other null stays null.
                if (ty.Kind is "ListNode" or "TreeNode")
                {
                    w.WriteStartArray();
                    w.WriteEndArray();
                }
                else
                {
                    w.WriteNullValue();
                }
                return;
            }
            switch (ty.Kind)
            {
                case "integer":
                case "long":
                    switch (value)
                    {
                        case int i: w.WriteNumberValue(i); return;
                        case long l: w.WriteNumberValue(l); return;
                        case short sh: w.WriteNumberValue(sh); return;
                        case byte b: w.WriteNumberValue(b); return;
                        case uint ui: w.WriteNumberValue(ui); return;
                        case ulong ul: w.WriteNumberValue(ul); return;
                        case System.Numerics.BigInteger big: w.WriteRawValue(big.ToString(CultureInfo.InvariantCulture), skipInputValidation: true); return;
                        case char c: w.WriteNumberValue(c); return;
                        default: throw new OutputException("expected an integer, got " + value.GetType().Name);
                    }
                case "double":
                {
                    double d = value switch
                    {
                        double x => x,
                        float f => f,
                        int i => i,
                        long l => l,
                        decimal m => (double)m,
                        _ => throw new OutputException("expected a double, got " + value.GetType().Name),
                    };
                    if (double.IsFinite(d))
                    {
                        w.WriteNumberValue(d);
                    }
                    else
                    {
                        w.WriteNullValue();
                    }
                    return;
                }
                case "boolean":
                    w.WriteBooleanValue(value is bool b2 ? b2 : throw new OutputException("expected a bool, got " + value.GetType().Name));
                    return;
                case "string":
                    w.WriteStringValue(value as string ?? value.ToString());
                    return;
                case "character":
                    w.WriteStringValue(value is char ch ? ch.ToString() : value as string ?? throw new OutputException("expected a char"));
                    return;
                case "ListNode":
                {
                    var next = value.GetType().GetField("next");
                    var val = value.GetType().GetField("val");
                    if (next is null || val is null)
                    {
                        throw new OutputException("expected a ListNode, got " + value.GetType().Name);
                    }
                    w.WriteStartArray();
                    var count = 0;
                    for (var n = value; n is not null; n = next.GetValue(n))
                    {
                        if (++count > MaxNodes)
                        {
                            throw new OutputException("the list has a cycle or more than 10,000,000 nodes");
                        }
                        Write(w, val.GetValue(n), Ty.Integer, depth + 1);
                    }
                    w.WriteEndArray();
                    return;
                }
                case "TreeNode":
                    WriteTree(w, value);
                    return;
                case "array":
                case "list":
                {
                    if (depth > 32 || value is not IEnumerable items || value is string)
                    {
                        throw new OutputException("expected a list, got " + value.GetType().Name);
                    }
                    w.WriteStartArray();
                    foreach (var item in items)
                    {
                        Write(w, item, ty.Element, depth + 1);
                    }
                    w.WriteEndArray();
                    return;
                }
                default:
                    throw new OutputException("unknown type " + ty.Kind);
            }
        }

        /// <summary>LeetCode's level order with nulls, trailing nulls removed.</summary>
        private static void WriteTree(Utf8JsonWriter w, object root)
        {
            var type = root.GetType();
            var val = type.GetField("val");
            var left = type.GetField("left");
            var right = type.GetField("right");
            if (val is null || left is null || right is null)
            {
                throw new OutputException("expected a TreeNode, got " + type.Name);
            }
            var order = new List<object> { root };
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance) { root };
            for (var i = 0; i < order.Count; i++)
            {
                var node = order[i];
                if (node is null)
                {
                    continue;
                }
                foreach (var child in new[] { left.GetValue(node), right.GetValue(node) })
                {
                    if (child is not null && (!seen.Add(child) || seen.Count > MaxNodes))
                    {
                        throw new OutputException("the tree has a cycle or more than 10,000,000 nodes");
                    }
                    order.Add(child);
                }
            }
            var end = order.Count;
            while (end > 0 && order[end - 1] is null)
            {
                end--;
            }
            w.WriteStartArray();
            for (var i = 0; i < end; i++)
            {
                if (order[i] is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteNumberValue((int)val.GetValue(order[i])!);
                }
            }
            w.WriteEndArray();
        }
    }

    /// <summary>A contract type, as the header names it.</summary>
    internal sealed class Ty
    {
        public static readonly Ty Integer = new("integer", null);

        public Ty(string kind, Ty element)
        {
            Kind = kind;
            Element = element;
        }

        public string Kind { get; }
        public Ty Element { get; }

        public static Ty Parse(string text)
        {
            text = text.Trim();
            if (text.EndsWith("[]", StringComparison.Ordinal))
            {
                return new Ty("array", Parse(text[..^2]));
            }
            if (text.StartsWith("list<", StringComparison.Ordinal) && text.EndsWith('>'))
            {
                return new Ty("list", Parse(text[5..^1]));
            }
            return new Ty(text, null);
        }
    }

    /// <summary>The candidate's Solution, its constructor and the method to call.</summary>
    internal sealed class Loaded
    {
        public ConstructorInfo Constructor { get; private set; }
        public MethodInfo Method { get; private set; }
        public string Error { get; private set; }

        public static Loaded Load(byte[] image, string function, int arity)
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(image);
            }
            catch (BadImageFormatException e)
            {
                return Fail("the compiled solution could not be loaded: " + e.Message);
            }
            Type solution;
            try
            {
                solution = assembly.GetType("Solution") ?? assembly.GetTypes().FirstOrDefault(t => t.Name == "Solution" && !t.IsNested);
            }
            catch (ReflectionTypeLoadException e)
            {
                return Fail("the solution's types could not be loaded: " + e.LoaderExceptions.FirstOrDefault()?.Message);
            }
            if (solution is null)
            {
                return Fail("class Solution is not defined");
            }
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
            var methods = solution.GetMethods(flags).Where(m => m.Name == function && m.DeclaringType == solution).ToList();
            if (methods.Count == 0)
            {
                // LeetCode's C# names are PascalCase; the contract's are camelCase: accept either spelling.
                methods = [.. solution.GetMethods(flags).Where(m => string.Equals(m.Name, function, StringComparison.OrdinalIgnoreCase) && m.DeclaringType == solution)];
            }
            var method = methods.FirstOrDefault(m => m.GetParameters().Length == arity && !m.IsGenericMethodDefinition);
            if (method is null)
            {
                return Fail(methods.Count == 0
                    ? "Solution has no method " + function
                    : "Solution." + function + " does not take " + arity.ToString(CultureInfo.InvariantCulture) + " parameters");
            }
            var constructor = solution.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes);
            if (constructor is null || solution.IsAbstract)
            {
                return Fail("Solution needs a constructor without parameters");
            }
            try
            {
                // Static constructors run at first use, inside the first test's clock, as Java's static initialisers do.
                RuntimeHelpers.RunClassConstructor(solution.TypeHandle);
            }
            catch (TypeInitializationException e)
            {
                var inner = e.InnerException ?? e;
                return Fail(inner.GetType().FullName + ": " + inner.Message);
            }
            return new Loaded { Constructor = constructor, Method = method };
        }

        private static Loaded Fail(string error) =>
            new() { Error = new JsonObject { ["error"] = error, ["line"] = null }.ToJsonString() };
    }

    /// <summary>Reads stdin a line at a time, never ahead (the next test's input only comes after this one's result).</summary>
    internal sealed class LineReader(Stream stream)
    {
        private readonly byte[] _one = new byte[65536];
        private int _start;
        private int _end;

        public string ReadLine()
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = stream.Read(_one, 0, _one.Length);
                    if (_end <= 0)
                    {
                        _end = 0;
                        return line.Length > 0 ? Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length) : null;
                    }
                }
                var newline = Array.IndexOf(_one, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    line.Write(_one, _start, newline - _start);
                    _start = newline + 1;
                    return Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
                }
                line.Write(_one, _start, _end - _start);
                _start = _end;
            }
        }
    }
}

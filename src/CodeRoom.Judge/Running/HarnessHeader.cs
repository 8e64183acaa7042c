using System.Text;
using System.Text.Json.Nodes;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Running;

/// <summary>What the supervisor writes on the harness's stdin: the header, then one test's input at a time.</summary>
internal static class HarnessHeader
{
    public static string Header(Signature signature, LanguageId language, string nonce, string? code = null, JsonObject? classes = null,
        string? assembly = null)
    {
        var header = new JsonObject
        {
            ["nonce"] = nonce,
            // The name to call in this language (function_names overrides function_name per language).
            ["function"] = signature.FunctionNameFor(language),
            ["function_names"] = new JsonObject(signature.FunctionNames.Select(kv =>
                KeyValuePair.Create(kv.Key.WireName(), (JsonNode?)JsonValue.Create(kv.Value)))),
            ["params"] = new JsonArray(signature.Params.Select(p =>
                (JsonNode?)new JsonObject { ["name"] = p.Name, ["type"] = p.Type.ToString() }).ToArray()),
            ["return_type"] = signature.ReturnType.ToString(),
            ["output_param"] = signature.OutputParam,
        };
        if (code is not null)
        {
            header["code"] = code;
        }
        if (classes is not null)
        {
            header["classes"] = classes;
        }
        if (assembly is not null)
        {
            header["assembly"] = assembly;
        }
        return header.ToJsonString();
    }

    /// <summary>The header for a runtime started ahead of time, whose box is empty: an interpreter gets the code,
    /// a JVM the compiled classes (read from the compile's box without following links).</summary>
    public static string WarmHeader(Signature signature, LanguageId language, string nonce, string code, BuildPlan plan, SandboxBox box)
    {
        if (plan.CompileCommand is null)
        {
            return Header(signature, language, nonce, code);
        }
        if (plan.CompiledCodeFile is { } compiled)
        {
            var output = SafeRead.RegularFiles(box.Path, maxFileBytes: 16L << 20, maxTotalBytes: 32L << 20)
                ?? throw new SandboxUnavailableException("the compiled code is unreadable or too large to hand over");
            return output.TryGetValue(compiled, out var bytes)
                ? Header(signature, language, nonce, Encoding.UTF8.GetString(bytes))
                : throw new SandboxUnavailableException($"the compile left no {compiled}");
        }
        if (plan.CompiledAssemblyFile is { } assembly)
        {
            var output = SafeRead.RegularFiles(box.Path, maxFileBytes: 16L << 20, maxTotalBytes: 32L << 20)
                ?? throw new SandboxUnavailableException("the compiled assembly is unreadable or too large to hand over");
            return output.TryGetValue(assembly, out var bytes)
                ? Header(signature, language, nonce, assembly: Convert.ToBase64String(bytes))
                : throw new SandboxUnavailableException($"the compile left no {assembly}");
        }
        var files = SafeRead.RegularFiles(box.Path, maxFileBytes: 16L << 20, maxTotalBytes: 32L << 20)
            ?? throw new SandboxUnavailableException("the compiled classes are unreadable or too large to hand over");
        var classes = new JsonObject();
        foreach (var (name, bytes) in files.Where(f => f.Key.EndsWith(".class", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            classes[name[..^".class".Length]] = Convert.ToBase64String(bytes);
        }
        return Header(signature, language, nonce, null, classes);
    }

    /// <summary>One test's line: its index in the run, a tab, and its arguments in signature order.</summary>
    public static byte[] TestLine(Signature signature, int index, JsonObject input)
    {
        var args = new JsonArray();
        foreach (var p in signature.Params)
        {
            args.Add(input[p.Name]?.DeepClone());
        }
        return Encoding.UTF8.GetBytes(index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\t" + args.ToJsonString() + "\n");
    }
}

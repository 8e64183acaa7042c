using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeRoom.Judge.Contract;

/// <summary>Checks that a JSON value fits a contract type (ranges included). Returns null when it does, otherwise a
/// message that names where inside the value it went wrong.</summary>
public static class ValueValidator
{
    public static string? Check(JsonNode? value, ValueType type, string path = "$")
    {
        switch (type.Kind)
        {
            case ValueKind.Void:
                return value is null ? null : $"{path}: expected no value for void";
            case ValueKind.Integer:
                return CheckInteger(value, path, int.MinValue, int.MaxValue, "integer (32-bit)");
            case ValueKind.Long:
                return CheckInteger(value, path, long.MinValue, long.MaxValue, "long (64-bit)");
            case ValueKind.Double:
                if (value is JsonValue dv && dv.GetValueKind() == JsonValueKind.Number)
                {
                    var d = dv.GetValue<double>();
                    return double.IsFinite(d) ? null : $"{path}: double must be finite";
                }
                return $"{path}: expected a number (double), got {Describe(value)}";
            case ValueKind.Boolean:
                return value is JsonValue bv && bv.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? null
                    : $"{path}: expected true or false, got {Describe(value)}";
            case ValueKind.String:
                return value is JsonValue sv && sv.GetValueKind() == JsonValueKind.String
                    ? null
                    : $"{path}: expected a string, got {Describe(value)}";
            case ValueKind.Character:
                if (value is JsonValue cv && cv.GetValueKind() == JsonValueKind.String)
                {
                    var s = cv.GetValue<string>();
                    return s.Length == 1 && s[0] < 128 ? null : $"{path}: expected a single ASCII character, got \"{Truncate(s)}\"";
                }
                return $"{path}: expected a one-character string, got {Describe(value)}";
            case ValueKind.Array or ValueKind.List:
                if (value is not JsonArray array)
                {
                    return $"{path}: expected an array ({type}), got {Describe(value)}";
                }
                for (var i = 0; i < array.Count; i++)
                {
                    if (Check(array[i], type.Element!, $"{path}[{i}]") is { } error)
                    {
                        return error;
                    }
                }
                return null;
            case ValueKind.ListNode:
                if (value is not JsonArray nodes)
                {
                    return $"{path}: expected a ListNode as an array of integers, got {Describe(value)}";
                }
                for (var i = 0; i < nodes.Count; i++)
                {
                    if (CheckInteger(nodes[i], $"{path}[{i}]", int.MinValue, int.MaxValue, "integer (32-bit)") is { } error)
                    {
                        return error;
                    }
                }
                return null;
            case ValueKind.TreeNode:
                return CheckTree(value, path);
            default:
                return $"{path}: unsupported type {type}";
        }
    }

    private static string? CheckTree(JsonNode? value, string path)
    {
        if (value is not JsonArray nodes)
        {
            return $"{path}: expected a TreeNode in level order (an array of integers and nulls), got {Describe(value)}";
        }
        if (nodes.Count > 0 && nodes[0] is null)
        {
            return $"{path}[0]: the root of a non-empty tree cannot be null";
        }
        // LeetCode level order: every non-null node takes the next two slots as its children.
        var slots = 1;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (i >= slots)
            {
                return $"{path}[{i}]: more values than the tree has child positions";
            }
            if (nodes[i] is null)
            {
                continue;
            }
            if (CheckInteger(nodes[i], $"{path}[{i}]", int.MinValue, int.MaxValue, "integer (32-bit)") is { } error)
            {
                return error;
            }
            slots += 2;
        }
        return null;
    }

    private static string? CheckInteger(JsonNode? value, string path, long min, long max, string what)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return $"{path}: expected an {what}, got {Describe(value)}";
        }
        var text = v.ToJsonString();
        if (!long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return $"{path}: expected an {what}, got {Truncate(text)}";
        }
        return n < min || n > max ? $"{path}: {n} is out of range for {what}" : null;
    }

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the string \"{Truncate(v.GetValue<string>())}\"",
            JsonValueKind.Number => "the number " + Truncate(v.ToJsonString()),
            JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => v.ToJsonString(),
        },
        _ => "a value",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}

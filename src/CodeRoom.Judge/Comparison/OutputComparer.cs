using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Comparison;

/// <summary>
/// Compares an actual output with the expected one, outside the sandbox, by the problem's rule. Returns null when they
/// match, otherwise the JSON path of the first difference ("$" for the whole value, "$[3][1]" inside).
/// </summary>
public static class OutputComparer
{
    public sealed record Outcome(bool Pass, string? DiffPath);

    public static Outcome Compare(JsonNode? actual, JsonNode? expected, CompareRule rule, Tolerance? testTolerance)
    {
        var tolerance = testTolerance ?? rule.Tolerance;
        var useTolerance = rule.Mode == CompareMode.Float || testTolerance is not null;
        switch (rule.Mode)
        {
            case CompareMode.Unordered:
                return CompareUnordered(actual, expected, tolerance, useTolerance, deep: false);
            case CompareMode.UnorderedDeep:
                return CompareUnordered(Canonical(actual, deep: true), Canonical(expected, deep: true), tolerance, useTolerance, deep: true);
            default:
                var path = FirstDifference(actual, expected, "$", tolerance, useTolerance);
                return new Outcome(path is null, path);
        }
    }

    private static Outcome CompareUnordered(JsonNode? actual, JsonNode? expected, Tolerance tolerance, bool useTolerance, bool deep)
    {
        if (actual is not JsonArray a || expected is not JsonArray e)
        {
            var path = FirstDifference(actual, expected, "$", tolerance, useTolerance);
            return new Outcome(path is null, path);
        }
        if (a.Count != e.Count)
        {
            return new Outcome(false, "$.length");
        }
        // Sort both sides by a canonical text form, then compare pairwise (with tolerance where it applies).
        var sortedActual = deep ? a : SortArray(a);
        var sortedExpected = deep ? e : SortArray(e);
        var diff = FirstDifference(sortedActual, sortedExpected, "$", tolerance, useTolerance);
        return new Outcome(diff is null, diff is null ? null : "$ (as a multiset)");
    }

    private static JsonArray SortArray(JsonArray array)
    {
        var items = array.Select(n => n?.DeepClone()).ToList();
        items.Sort((x, y) => CompareCanonical(x, y));
        return new JsonArray(items.ToArray());
    }

    /// <summary>Sorts every array level recursively (for unordered_deep).</summary>
    private static JsonNode? Canonical(JsonNode? node, bool deep)
    {
        if (node is not JsonArray array)
        {
            return node?.DeepClone();
        }
        var items = array.Select(n => deep ? Canonical(n, deep) : n?.DeepClone()).ToList();
        items.Sort((x, y) => CompareCanonical(x, y));
        return new JsonArray(items.ToArray());
    }

    private static int CompareCanonical(JsonNode? x, JsonNode? y)
    {
        if (x is JsonValue xv && y is JsonValue yv && TryNumber(xv, out var dx) && TryNumber(yv, out var dy))
        {
            return dx.CompareTo(dy);
        }
        if (x is JsonArray xa && y is JsonArray ya)
        {
            for (var i = 0; i < Math.Min(xa.Count, ya.Count); i++)
            {
                var c = CompareCanonical(xa[i], ya[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return xa.Count.CompareTo(ya.Count);
        }
        return string.CompareOrdinal(x?.ToJsonString() ?? "null", y?.ToJsonString() ?? "null");
    }

    private static string? FirstDifference(JsonNode? actual, JsonNode? expected, string path, Tolerance tolerance, bool useTolerance)
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : path;
            case JsonArray e:
                if (actual is not JsonArray a)
                {
                    return path;
                }
                for (var i = 0; i < Math.Min(a.Count, e.Count); i++)
                {
                    if (FirstDifference(a[i], e[i], $"{path}[{i}]", tolerance, useTolerance) is { } inner)
                    {
                        return inner;
                    }
                }
                return a.Count == e.Count ? null : $"{path}.length";
            case JsonObject:
                return JsonNode.DeepEquals(actual, expected) ? null : path;
            case JsonValue ev:
                if (actual is not JsonValue av)
                {
                    return path;
                }
                if (TryNumber(ev, out var expectedNumber))
                {
                    if (!TryNumber(av, out var actualNumber))
                    {
                        return path;
                    }
                    return NumbersMatch(av, ev, actualNumber, expectedNumber, tolerance, useTolerance) ? null : path;
                }
                return av.GetValueKind() == ev.GetValueKind() && av.ToJsonString() == ev.ToJsonString() ? null : path;
            default:
                return path;
        }
    }

    private static bool NumbersMatch(JsonValue av, JsonValue ev, double actual, double expected, Tolerance tolerance, bool useTolerance)
    {
        if (!useTolerance)
        {
            // Exact: integers compare exactly (longs beyond 2^53 included); other numbers by value (1 == 1.0).
            if (long.TryParse(av.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var la)
                && long.TryParse(ev.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var le))
            {
                return la == le;
            }
            return actual.Equals(expected);
        }
        var diff = Math.Abs(actual - expected);
        if (tolerance.AbsTol is { } abs && diff <= abs)
        {
            return true;
        }
        if (tolerance.RelTol is { } rel && diff <= rel * Math.Abs(expected))
        {
            return true;
        }
        return actual.Equals(expected);
    }

    private static bool TryNumber(JsonValue value, out double number)
    {
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            number = double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            return true;
        }
        number = 0;
        return false;
    }
}

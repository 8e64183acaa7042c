using CodeRoom.Judge.Checking;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Formatting;

namespace CodeRoom.Dispatch;

/// <summary>
/// The editor's server-side check and format (issue 15), wherever the sandbox is: in this process (the embedded
/// default) or on a runner of the fleet (an Api with RABBITMQ_URL has none). Null when the language has no server-side
/// check or formatter (it is checked or formatted in the browser).
/// </summary>
public interface IEditorTools
{
    Task<CheckResult?> CheckAsync(Signature signature, LanguageId language, string code, CancellationToken cancellationToken);

    Task<FormatResult?> FormatAsync(LanguageId language, string code, CancellationToken cancellationToken);
}

/// <summary>This process's sandbox: the embedded service, and a runner answering an Api's request.</summary>
public sealed class LocalEditorTools(CodeChecker checker, CodeFormatter formatter) : IEditorTools
{
    public Task<CheckResult?> CheckAsync(Signature signature, LanguageId language, string code, CancellationToken cancellationToken) =>
        checker.CheckAsync(signature, language, code, cancellationToken);

    public Task<FormatResult?> FormatAsync(LanguageId language, string code, CancellationToken cancellationToken) =>
        formatter.FormatAsync(language, code, cancellationToken);
}

using CodeRoom.Api.Admin;
using CodeRoom.Api.Attempts;
using CodeRoom.Api.Auth;
using CodeRoom.Api.Checks;
using CodeRoom.Api.Drafts;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.Observability;
using CodeRoom.Api.Problems;
using CodeRoom.Api.Room;
using CodeRoom.Api.Runs;
using CodeRoom.Dispatch;
using Scalar.AspNetCore;

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddCodeRoomEnvironment();
    builder.AddCodeRoomServices();
    builder.AddCodeRoomObservability();
    app = builder.Build();
    // Every ValidateOnStart option now, before anything is served or migrated: a bad setting is one line (below).
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
}
catch (Exception e) when (StartupErrors.Describe(e) is { } line)
{
    await Console.Error.WriteLineAsync("coderoom: " + line);
    return 2;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<BodySizeLimitMiddleware>();
app.UseCodeRoomFrameAncestors();
app.UseCodeRoomWeb();
app.UseAuthentication();
app.UseAuthorization();
app.UseCodeRoomMetricsGuard();
app.UseMiddleware<NulCharacterGuardMiddleware>();
app.UseRateLimiter();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/healthz");
if (app.Services.GetRequiredService<JwtKeys>().IsDevelopmentMode)
{
    app.MapDevTokens();
}
app.MapProblems();
app.MapAdminProblems();
app.MapAdminStats();
app.MapCodeRoomObservability();
app.MapAttempts();
app.MapDrafts();
app.MapCoding();
app.MapChecks();
app.MapFormatting();
app.MapAttemptHistory();
app.MapEmbed();
// A hub connection outlives its token unless told otherwise: an interviewer taken off an interview (a new token
// without it) or a token that expired would keep watching. The client reconnects with a fresh token (accessTokenFactory).
app.MapHub<RoomHub>(RoomHub.Path, o => o.CloseOnAuthenticationExpiration = true);

if (ListenAddressCheck.FirstTaken(app.Configuration[WebHostDefaults.ServerUrlsKey]) is { } taken)
{
    await Console.Error.WriteLineAsync($"coderoom: cannot listen on {taken}: the address is already in use by another process (PORT chooses another port)");
    return 2;
}
try
{
    await app.InitializeCodeRoomAsync(app.Lifetime.ApplicationStopping);
}
catch (Exception e) when (StartupErrors.DescribeDatabaseFailure(e) is { } line)
{
    await Console.Error.WriteLineAsync("coderoom: " + line);
    return 1;
}
try
{
    await app.RunAsync();
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Another process (often an earlier instance) holds the port: one line, not Kestrel's stack trace.
    await Console.Error.WriteLineAsync($"coderoom: {e.Message.TrimEnd('.')} by another process (PORT chooses another port)");
    return 2;
}
return 0;

public partial class Program;

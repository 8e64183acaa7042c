using CodeRoom.Api.Admin;
using CodeRoom.Api.Attempts;
using CodeRoom.Api.Auth;
using CodeRoom.Api.Drafts;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.Observability;
using CodeRoom.Api.Problems;
using CodeRoom.Api.Runs;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddCodeRoomEnvironment();
builder.AddCodeRoomServices();
builder.AddCodeRoomObservability();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<BodySizeLimitMiddleware>();
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

await app.InitializeCodeRoomAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();

public partial class Program;

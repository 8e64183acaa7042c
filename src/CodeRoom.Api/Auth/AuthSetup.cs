using CodeRoom.Api.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CodeRoom.Api.Auth;

internal static class AuthSetup
{
    public const string AdminPolicy = "admin";

    public static void AddCodeRoomAuth(this IServiceCollection services)
    {
        services.AddSingleton<JwtKeys>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtKeys, IOptions<JwtOptions>>((bearer, keys, jwt) =>
            {
                // Claims keep their JWT names: sub is the user id, role is candidate|admin.
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    IssuerSigningKeys = keys.ValidationKeys,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256],
                    ValidateIssuer = !string.IsNullOrEmpty(jwt.Value.Issuer),
                    ValidIssuer = jwt.Value.Issuer,
                    ValidateAudience = !string.IsNullOrEmpty(jwt.Value.Audience),
                    ValidAudience = jwt.Value.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                };
                // A valid signature is not enough: the user id (sub) keys every row and limit, so a token without one
                // usable sub is refused here, 401 on every endpoint, before any handler or rate limiter sees it.
                bearer.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on a WebSocket or an EventSource: the SignalR client sends the token
                    // as ?access_token= (SignalR's documented way), accepted on the hub's path only.
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments(Room.RoomHub.Path)
                            && context.Request.Query["access_token"] is { Count: 1 } token && !string.IsNullOrEmpty(token[0]))
                        {
                            context.Token = token[0];
                        }
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        if (UserIds.Problem(context.Principal) is { } problem)
                        {
                            context.Fail("the token's sub " + problem);
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireClaim("sub").Build());
    }
}

/// <summary>What a user id (a token's sub, a dev sign-in's user_id) must be: one non-blank value of at most
/// <see cref="MaxLength"/> characters (the column's width on both databases) without NUL or other control
/// characters (PostgreSQL text cannot hold NUL; control characters are never part of a real id), and valid Unicode
/// (no lone surrogate, which PostgreSQL's UTF-8 cannot hold either).</summary>
public static class UserIds
{
    public const int MaxLength = 200;

    public static string? Problem(string? userId) =>
        string.IsNullOrWhiteSpace(userId) ? "is empty"
        : userId.Length > MaxLength ? $"is longer than {MaxLength} characters"
        : userId.Any(char.IsControl) ? "contains control characters"
        : !CodeRoom.Storage.TextGuard.IsValidUnicode(userId) ? "is not valid Unicode text"
        : null;

    internal static string? Problem(System.Security.Claims.ClaimsPrincipal? user)
    {
        var subs = user?.FindAll("sub").ToList() ?? [];
        return subs.Count switch
        {
            0 => "is missing",
            > 1 => "appears more than once",
            _ => Problem(subs[0].Value),
        };
    }
}

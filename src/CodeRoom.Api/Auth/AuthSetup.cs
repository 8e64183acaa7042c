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
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireClaim("sub").Build());
    }
}

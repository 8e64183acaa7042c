using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CodeRoom.Api.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CodeRoom.Api.Auth;

public static class Roles
{
    public const string Candidate = "candidate";
    public const string Admin = "admin";

    /// <summary>May watch (live and replay) the attempts of the interviews named in its token's interview_id claims
    /// (issue 16).</summary>
    public const string Interviewer = "interviewer";
}

/// <summary>The keys tokens are checked with. In development mode (no JWT_SECRET, no public key) a random key is made
/// per process, and only this service's /api/dev/token can sign with it.</summary>
public sealed class JwtKeys
{
    private readonly SymmetricSecurityKey? _signingKey;

    public JwtKeys(IOptions<JwtOptions> options)
    {
        var o = options.Value;
        IsDevelopmentMode = o.IsDevelopmentMode;
        var keys = new List<SecurityKey>();
        if (IsDevelopmentMode)
        {
            _signingKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
            keys.Add(_signingKey);
        }
        if (!string.IsNullOrEmpty(o.Secret))
        {
            keys.Add(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(o.Secret)));
        }
        if (!string.IsNullOrEmpty(o.PublicKeyPem))
        {
            var pem = o.PublicKeyPem.Contains("-----BEGIN", StringComparison.Ordinal) ? o.PublicKeyPem : File.ReadAllText(o.PublicKeyPem);
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            keys.Add(new RsaSecurityKey(rsa));
        }
        ValidationKeys = keys;
    }

    public bool IsDevelopmentMode { get; }
    public IReadOnlyList<SecurityKey> ValidationKeys { get; }

    /// <summary>Development mode only.</summary>
    public string IssueDevelopmentToken(string userId, string role, DateTimeOffset now, TimeSpan lifetime,
        IReadOnlyList<string>? interviewIds = null)
    {
        if (_signingKey is null)
        {
            throw new InvalidOperationException("Tokens are issued by the host application outside development mode.");
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("role", role),
                .. (interviewIds ?? []).Select(i => new Claim(Interviews.ClaimType, i))]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.HmacSha256),
        });
    }
}

public static class UserExtensions
{
    /// <summary>The authenticated user's id (the token's sub). Endpoints calling this require authorization.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? throw new InvalidOperationException("authenticated user without sub");
}

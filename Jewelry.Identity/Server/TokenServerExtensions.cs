using System.Security.Cryptography.X509Certificates;
using Jewelry.Contracts.Security;
using Jewelry.Identity.Data;
using Jewelry.Identity.Server;

namespace Microsoft.Extensions.Hosting;

public static class TokenServerExtensions
{
    /// <summary>
    /// OpenIddict's authorization server with its Entity Framework Core stores: the client-credentials flow for partners
    /// and the password flow for operators at <see cref="TokenServer.TokenPath"/>, the partner scopes, access tokens as signed (not encrypted) JWTs so the
    /// resource servers validate them with JwtBearer and the published keys alone.
    /// </summary>
    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentityOptions.SectionName);
        builder.Services.AddOptions<IdentityOptions>().Bind(section);
        var settings = section.Get<IdentityOptions>() ?? new IdentityOptions();
        var development = builder.Environment.IsDevelopment();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(TokenServer.Issuer));
                server.SetTokenEndpointUris(TokenServer.TokenPath.TrimStart('/'));
                server.AllowClientCredentialsFlow();

                // Operators are people, so their tokens name the person (an opaque id) and carry a role: the
                // password grant through the operator console (README, Operators).
                server.AllowPasswordFlow();
                server.RegisterScopes(PartnerScopes.All);
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                server.DisableAccessTokenEncryption();
                server.AddEventHandler(RepeatedParameterRefusal.Descriptor);

                if (development)
                {
                    // Keys in memory, new at every start: tokens issued before a restart are refused after it.
                    server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                }
                else
                {
                    server.AddSigningCertificate(Load(settings.SigningCertificate, "SigningCertificate"));
                    server.AddEncryptionCertificate(Load(settings.EncryptionCertificate, "EncryptionCertificate"));
                }

                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough();
            });

        return builder;
    }

    private static X509Certificate2 Load(CertificateOptions? certificate, string name)
    {
        if (string.IsNullOrWhiteSpace(certificate?.Path))
        {
            throw new InvalidOperationException(
                $"Outside Development the token server needs {IdentityOptions.SectionName}:{name}:Path (a PKCS#12 file) and :Password; the ephemeral development keys are not used.");
        }

        return X509CertificateLoader.LoadPkcs12FromFile(certificate.Path, certificate.Password);
    }
}

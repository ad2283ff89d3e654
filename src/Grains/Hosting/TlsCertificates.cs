using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Idl.Grains.Hosting;

/// <summary>TLS for silo and client connections from one PKCS#12 file. A peer is accepted when it presents this
/// very certificate (pinned by thumbprint, so a self-signed cluster certificate works without a trust store) or a
/// certificate that chains to a root this machine trusts.</summary>
internal static class TlsCertificates
{
    public static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);

    public static void Configure(TlsOptions options, X509Certificate2 certificate)
    {
        options.LocalCertificate = certificate;
        // Both ends authenticate: silos require a client certificate, so a client without the key cannot join.
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None
            || string.Equals(remote.Thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase);
        options.OnAuthenticateAsClient = (_, client) => client.TargetHost = certificate.GetNameInfo(X509NameType.SimpleName, false);
    }
}

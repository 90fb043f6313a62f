using System.Net.Http.Headers;
using System.Text;

namespace Jewelry.Tests.Lifecycle;

/// <summary>The seller clients of the MES's Development settings, as <c>client id:secret</c>.</summary>
internal static class DemoSellers
{
    public const string Seller = "demo-seller:demo-seller-secret-7f3c9a2e41b8d6f0";
    public const string OtherSeller = "other-seller:other-seller-secret-2b6e8d1c9f4a7053";

    public static AuthenticationHeaderValue Basic(string credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
}

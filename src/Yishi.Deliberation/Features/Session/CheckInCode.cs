using QRCoder;

namespace Yishi.Deliberation.Features.Session;

/// <summary>The meeting's check-in QR code as inline SVG (no image request, prints sharply).</summary>
public static class CheckInCode
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}

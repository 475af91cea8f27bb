namespace TrainingLrs.Lrs.Http;

/// <summary>The two families of the xAPI this LRS speaks; a request is answered in its own family.</summary>
internal enum XapiVersion
{
    /// <summary>1.0.0 to 1.0.3, answered as 1.0.3.</summary>
    V1,

    /// <summary>2.0.x, answered as 2.0.0.</summary>
    V2,
}

/// <summary>Parsing and naming of <c>X-Experience-API-Version</c> values.</summary>
internal static class XapiVersions
{
    public const string Header = "X-Experience-API-Version";
    public const string V1Latest = "1.0.3";
    public const string V2Latest = "2.0.0";

    /// <summary>Every version this LRS accepts, as the About resource lists them.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0"];

    public static bool TryParse(string? header, out XapiVersion version)
    {
        version = XapiVersion.V1;
        switch (header?.Trim())
        {
            case "1.0" or "1.0.0" or "1.0.1" or "1.0.2" or "1.0.3":
                return true;
            case { } v when v == "2.0" || (v.StartsWith("2.0.", StringComparison.Ordinal) && v.Length > 4 && v[4..].All(char.IsAsciiDigit)):
                version = XapiVersion.V2;
                return true;
            default:
                return false;
        }
    }

    public static string Name(XapiVersion version) => version == XapiVersion.V2 ? V2Latest : V1Latest;
}

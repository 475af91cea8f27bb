namespace TrainingLrs.Reporting.Organisations;

/// <summary>What a partner does for the members; the programme's four kinds of US supply-chain partner.</summary>
public enum PartnerType
{
    /// <summary>Packs members' products under contract.</summary>
    CoPacker,
    /// <summary>Manufactures members' products under contract.</summary>
    CoManufacturer,
    /// <summary>Labor provider or staffing agency supplying workers to plants.</summary>
    LaborProvider,
    /// <summary>Service provider working on site, such as a sanitation contractor.</summary>
    ServiceProvider,
}

/// <summary>The spellings of <see cref="PartnerType"/> used in files and URLs.</summary>
public static class PartnerTypes
{
    private static readonly Dictionary<string, PartnerType> _byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["co-packer"] = PartnerType.CoPacker,
        ["copacker"] = PartnerType.CoPacker,
        ["co-manufacturer"] = PartnerType.CoManufacturer,
        ["comanufacturer"] = PartnerType.CoManufacturer,
        ["labor-provider"] = PartnerType.LaborProvider,
        ["laborprovider"] = PartnerType.LaborProvider,
        ["staffing-agency"] = PartnerType.LaborProvider,
        ["service-provider"] = PartnerType.ServiceProvider,
        ["serviceprovider"] = PartnerType.ServiceProvider,
    };

    /// <summary>The canonical spellings, as written in exports and accepted in imports.</summary>
    public static IReadOnlyList<string> CanonicalNames { get; } = ["co-packer", "co-manufacturer", "labor-provider", "service-provider"];

    /// <summary>Parses any accepted spelling (case-insensitive; <c>staffing-agency</c> means labor provider).</summary>
    public static bool TryParse(string? text, out PartnerType type) => _byName.TryGetValue(text?.Trim() ?? "", out type);

    /// <summary>The canonical spelling of <paramref name="type"/>.</summary>
    public static string ToName(this PartnerType type) => CanonicalNames[(int)type];
}

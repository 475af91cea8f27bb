namespace TrainingLrs.Reports;

// The OData and CSV wire shapes. Flat rows with string statuses and keys on every set, because that is
// what Excel's and Power BI's OData.Feed load without transformation.

/// <summary>A member company.</summary>
public sealed class MemberRow
{
    /// <summary>Member id (key).</summary>
    public string Id { get; init; } = "";
    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";
}

/// <summary>A partner, with its programme contact.</summary>
public sealed class PartnerRow
{
    /// <summary>Partner id (key).</summary>
    public string Id { get; init; } = "";
    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";
    /// <summary>co-packer, co-manufacturer, labor-provider or service-provider.</summary>
    public string Type { get; init; } = "";
    /// <summary>USPS state code.</summary>
    public string State { get; init; } = "";
    /// <summary>The partner's LMS home page.</summary>
    public string? LmsHomePage { get; init; }
    /// <summary>Programme contact's name.</summary>
    public string? ContactName { get; init; }
    /// <summary>Programme contact's e-mail.</summary>
    public string? ContactEmail { get; init; }
    /// <summary>Programme contact's phone.</summary>
    public string? ContactPhone { get; init; }
}

/// <summary>Which member a partner serves (a partner can serve several).</summary>
public sealed class MemberPartnerRow
{
    /// <summary>Member id (key part).</summary>
    public string MemberId { get; init; } = "";
    /// <summary>Partner id (key part).</summary>
    public string PartnerId { get; init; } = "";
}

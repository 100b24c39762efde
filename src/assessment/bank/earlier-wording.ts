// The original bank's Danish before it was rewritten in plain Danish (LIX ≤ 35, issue 19), as
// [now, before] pairs per item. A bank copied into a municipality before then still holds the
// earlier words: such an item takes the plain wording and the languages added since on its next
// read (withOriginalUpdates), where an item an admin has reworded is left as theirs.
export const EARLIER_WORDING: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'k1-01': [
    ['I browserens søgefelt eller på en søgeside', 'I søgefeltet i browseren eller på en søgeside'],
  ],
  'k1-03': [
    [
      'Du søger job som lagermedarbejder i Valby. Hvilken søgning er bedst?',
      'Du søger job som lagermedarbejder i Valby. Hvilken søgning giver de mest relevante resultater?',
    ],
  ],
  'k1-04': [
    [
      'Hvor finder du de rigtige regler om dagpenge, når du er ledig?',
      'Hvor finder du officiel information om dagpenge og ledighed?',
    ],
  ],
  'k1-07': [
    [
      'Du vil kun se job fra én hjemmeside. Du bruger en søgemaskine. Hvad skriver du?',
      'Du vil søge efter jobopslag på én bestemt hjemmeside med en almindelig søgemaskine. Hvad skriver du?',
    ],
  ],
  'k1-10': [
    [
      'Hvad viser, at du kan stole på en hjemmeside?',
      'Hvilket tegn tyder på, at en hjemmeside er troværdig?',
    ],
    [
      'Der står, hvem der står bag siden, og hvornår den sidst er ændret',
      'Det fremgår tydeligt, hvem der står bag, og hvornår siden er opdateret',
    ],
  ],
  'k1-11': [
    [
      'Ved et søgeresultat står der "Annonce" eller "Sponsoreret". Hvad vil det sige?',
      'Hvad betyder "Annonce" eller "Sponsoreret" ved et søgeresultat?',
    ],
  ],
  'k1-13': [
    [
      'Et billede i en nyhed ser ud til at være lavet om. Hvilket værktøj hjælper dig med at finde ud af, hvor billedet kommer fra?',
      'Et billede i en nyhed ser manipuleret ud. Hvilket værktøj hjælper dig bedst med at finde billedets oprindelse?',
    ],
  ],
  'k1-14': [
    [
      'Du læser en rapport om, hvilke digitale evner firmaer søger. Hvad gør, at du stoler mindst på den?',
      'Du vurderer en rapport om, hvilke digitale kompetencer virksomheder efterspørger. Hvad svækker mest dens troværdighed?',
    ],
  ],
  'k1-18': [
    [
      'Mapper for hver måned eller hvert firma og faste navne på filerne',
      'Undermapper pr. måned eller virksomhed og faste filnavne',
    ],
  ],
  'k2-03': [
    [
      'Du skal til jobsamtale over video. Hvad er vigtigst at prøve før?',
      'Du skal til jobsamtale over video. Hvad er vigtigst at afprøve i forvejen?',
    ],
  ],
  'k2-14': [
    [
      'Hvor kan du se, hvad det offentlige ved om dig?',
      'Hvor kan du se, hvilke oplysninger offentlige myndigheder har registreret om dig?',
    ],
    [
      'På borger.dk under "Mit overblik", eller ved at spørge myndigheden',
      'Via borger.dk, fx under "Mit overblik" og indsigt hos den enkelte myndighed',
    ],
  ],
  'k2-16': [
    [
      'Folk fra tre firmaer skal arbejde sammen digitalt. Hvad bør I aftale først?',
      'Et projekt med deltagere fra tre virksomheder skal samarbejde digitalt. Hvad bør I aftale først?',
    ],
    [
      'Fælles værktøjer, hvem der har adgang, og hvor I skriver ting ned',
      'Fælles værktøjer, adgangsrettigheder og hvor beslutninger skrives ned',
    ],
  ],
  'k2-17': [
    [
      'Hvordan skriver du bedst en e-mail til et firma, du vil søge job i?',
      'Hvordan skriver du bedst en e-mail til en mulig arbejdsgiver?',
    ],
    [
      'Med en høflig hilsen, et klart emne og rigtig stavning',
      'Med en høflig hilsen, tydeligt emne og korrekt stavning',
    ],
  ],
  'k2-18': [
    [
      'Du vil skrive om dit gamle job på sociale medier. Hvad bør du tænke på først?',
      'Hvad bør du tænke over, før du skriver et opslag om din tidligere arbejdsplads på sociale medier?',
    ],
  ],
  'k2-19': [
    [
      'De spor, du sætter på nettet, fx opslag, billeder og søgninger',
      'De spor, du efterlader på nettet, fx opslag, billeder og søgninger',
    ],
  ],
  'k2-20': [
    [
      'At sætte Facebook-profilen op, så kun dine venner kan se den',
      'At indstille privatlivet på den private profil, så kun venner ser indholdet',
    ],
  ],
  'k3-01': [
    [
      'Hvad bruger du som regel til at skrive en ansøgning?',
      'Hvilket program bruger du typisk til at skrive en ansøgning?',
    ],
  ],
  'k3-04': [
    [
      'I et dokument kan du vælge typografien "Overskrift 1". Hvad er det godt for?',
      'Hvad gør overskriftstypografier (Overskrift 1, 2 …) i et dokument nyttige?',
    ],
    [
      'De kan bruges af skærmlæsere og til en indholdsfortegnelse',
      'De giver struktur, som kan bruges til indholdsfortegnelse og skærmlæsere',
    ],
  ],
  'k3-07': [
    [
      'Du sætter en tabel fra et regneark ind i en rapport. Den skal ændre sig, når regnearket ændrer sig. Hvordan?',
      'Hvordan indsætter du en tabel fra et regneark i en rapport, så den opdateres, når regnearket ændres?',
    ],
  ],
  'k3-08': [
    [
      'At den har faste typografier, klare felter at udfylde og kan læses af alle',
      'Faste typografier, tydelige pladsholdere og at den er tilgængelig',
    ],
  ],
  'k3-10': [
    [
      'Du må bruge værket, hvis du skriver, hvem der har lavet det',
      'Du må bruge værket, hvis du krediterer ophavspersonen',
    ],
  ],
  'k3-14': [
    [
      'Gør de samme trin igen og igen, til et krav er opfyldt',
      'Gentager nogle instruktioner, til en betingelse er opfyldt',
    ],
  ],
  'k3-15': [
    [
      'Et firma vil have, at nye ansøgninger kommer ind i et regneark helt af sig selv. Hvilket værktøj passer?',
      'En virksomhed vil automatisere, at nye ansøgninger registreres i et regneark. Hvad er et passende værktøj?',
    ],
  ],
  'k3-16': [
    [
      'En cloud-tjeneste, hvor man kan leje servere og plads til data',
      'En cloud-platform til at drive servere, data og tjenester',
    ],
  ],
  'k4-01': [
    [
      'Hvorfor skal der være en kode på din telefon?',
      'Hvorfor skal din telefon have en skærmlås med kode?',
    ],
  ],
  'k4-02': [
    [
      'Der er en ny opdatering til din telefon. Hvad er bedst at gøre?',
      'Telefonen beder dig installere en opdatering. Hvad er klogest?',
    ],
  ],
  'k4-05': [
    [
      'Du bruger det åbne wifi på en café. Hvordan er du mest sikker?',
      'Hvordan mindsker du risikoen, når du bruger et åbent trådløst net på en café?',
    ],
  ],
  'k4-07': [
    [
      'Bruger ikke linket, men ser selv efter på pakkefirmaets side',
      'Trykker ikke på linket og tjekker hos fragtfirmaet selv',
    ],
  ],
  'k4-08': [
    [
      'Hvordan ser du, at du er på din banks rigtige side?',
      'Hvordan kan du se, at du er på din banks rigtige netbank?',
    ],
    [
      'Adressen er bankens egen, og der er en lås (https) foran',
      'Adressen er bankens egen, og der er en lås (https) i adresselinjen',
    ],
  ],
  'k4-10': [
    [
      'Du skal betale husleje til din udlejer i netbanken. Hvad ser du efter, før du betaler?',
      'Du skal overføre penge til din udlejer i netbanken. Hvad tjekker du, før du godkender?',
    ],
  ],
  'k4-12': [
    [
      'At se de oplysninger, som et firma eller en myndighed har om dig',
      'At få indsigt i de oplysninger, en organisation har om dig',
    ],
  ],
  'k4-13': [
    [
      'Du skal samle CV’er fra dem, der søger job i et firma. Hvad siger reglerne?',
      'Du skal indsamle ansøgeres CV’er i en virksomhed. Hvad kræver reglerne?',
    ],
    [
      'At der er et formål, at de gemmes sikkert, og at de slettes igen',
      'Et formål, sikker opbevaring og sletning, når formålet er opfyldt',
    ],
  ],
  'k4-15': [
    [
      'Blokerer dem, gemmer det, de skrev, og siger det til siden eller politiet',
      'Blokerer, gemmer beviser og anmelder til tjenesten eller politiet',
    ],
  ],
  'k5-03': [
    [
      'Finder et program, der kan åbne den slags fil, og henter det',
      'Finder eller installerer et program, der kan åbne filtypen',
    ],
  ],
  'k5-08': [
    [
      'Du har mange jobsamtaler at holde styr på. Hvad hjælper dig bedst?',
      'Du skal holde styr på mange jobsamtaler. Hvilket digitalt værktøj passer bedst?',
    ],
  ],
  'k5-10': [
    [
      'Hvordan kan du lære noget nyt til dit job på nettet?',
      'Hvordan kan du bruge digitale værktøjer til at lære noget nyt til dit job?',
    ],
  ],
  'k5-11': [
    [
      'Lave et lille projekt med data og vise det frem',
      'Lave et lille projekt, fx et dashboard, og dele et eksempel',
    ],
  ],
  'k5-12': [
    [
      'I et digitalt værksted eller på borger.dk’s sider med hjælp',
      'I jobcentrets digitale værksted eller på borger.dk’s hjælpesider',
    ],
  ],
  'k5-13': [
    [
      'Hvordan finder du ud af, hvad et job kræver af digitale evner?',
      'Hvordan finder du ud af, hvilke digitale færdigheder et job kræver?',
    ],
    [
      'Læse jobopslag og se, hvad faget kræver, fx i ESCO eller hos fagforeningen',
      'Læse jobopslag og beskrivelser af faget, fx i ESCO eller hos fagforeningen',
    ],
  ],
  's-mitid-1': [
    [
      'Øvelse: Log ind på Jobnet med bruger-ID OEVE-4821. Det er kun til at øve. Godkend så i øvelses-appen.',
      'Øvelse: Log ind på Jobnet med det opdigtede bruger-ID OEVE-4821, og godkend i øvelses-appen.',
    ],
  ],
  's-post-3': [
    [
      'Velkommen i a-kassen. Læs om dine rettigheder på vores side.',
      'Velkommen i a-kassen. Du kan læse om dine rettigheder på vores hjemmeside.',
    ],
  ],
  's-cv-1': [
    [
      'Øvelse: Du skal sende dit CV i en formular som på Jobnet. Hvilken fil vælger du?',
      'Øvelse: Du uploader dit CV til en Jobnet-lignende formular. Hvilken fil vælger du?',
    ],
  ],
  's-cv-4': [
    [
      '2019–2024 Lagermedarbejder, Prøve A/S: plukke varer, scanne og tage imod varer',
      '2019–2024 Lagermedarbejder, Prøve A/S: plukning, scanning, ansvar for vareindgang',
    ],
  ],
  's-phish-1': [
    [
      'Øvelse: Hvilken e-mail prøver at snyde dig (phishing)?',
      'Øvelse: Hvilken e-mail er et forsøg på svindel (phishing)?',
    ],
  ],
  's-phish-4': [
    [
      'Øvelse: En "chef" skriver og beder dig købe gavekort hurtigt. Hvad viser bedst, at det er svindel?',
      'Øvelse: En "chef" skriver og beder dig købe gavekort hurtigt. Hvad afslører svindlen bedst?',
    ],
    [
      'Den kommer ikke fra firmaets adresse, og det skal gå stærkt',
      'Afsenderadressen er ikke firmaets, og der er et hastepres',
    ],
  ],
  's-phish-5': [
    [
      'Øvelse: Du får en mail med fire filer. Hvilken er farligst at åbne?',
      'Øvelse: Hvilken vedhæftet fil er farligst at åbne?',
    ],
  ],
  's-pw-3': [
    [
      'Øvelse: Hvor er det mest sikkert at gemme dine mange koder?',
      'Øvelse: Hvor opbevarer du dine mange adgangskoder sikrest?',
    ],
  ],
  's-search-4': [
    [
      'Øvelse: Du vil have job hos et firma, der er partner med Microsoft. Hvilken søgning er bedst?',
      'Øvelse: Du leder efter stillinger hos Microsofts partnere. Hvilken søgning er bedst?',
    ],
  ],
  'sr-05': [
    [
      'Jeg kan sammenligne kilder og sige, hvorfor jeg stoler mest på én af dem.',
      'Jeg kan sammenligne kilder og forklare, hvorfor jeg stoler mere på én af dem.',
    ],
  ],
  'sr-18': [
    [
      'Jeg kan lægge en ansøgning eller et CV op på en jobside.',
      'Jeg kan uploade en ansøgning eller et CV på en jobportal.',
    ],
  ],
  'sr-20': [
    [
      'Jeg kan skrive pænt og klart til andre på nettet.',
      'Jeg ved, hvordan man skriver høfligt og tydeligt på nettet.',
    ],
  ],
  'sr-22': [
    [
      'Jeg kan skrive en tekst, fx en ansøgning, på en computer.',
      'Jeg kan skrive et dokument, fx en ansøgning, på computer.',
    ],
  ],
  'sr-25': [
    [
      'Jeg kan bruge en tekst igen og rette den til, fx mit CV til hvert nyt job.',
      'Jeg kan tilpasse og genbruge indhold, fx mit CV til forskellige job.',
    ],
  ],
  'sr-34': [
    [
      'Jeg ved, hvad jeg skal gøre med gamle apparater, når de skal smides ud.',
      'Jeg ved, hvordan jeg skiller mig af med gamle apparater på en god måde.',
    ],
  ],
  'sr-35': [
    [
      'Jeg kan løse små problemer, fx starte en app igen eller gå på wifi.',
      'Jeg kan løse enkle problemer, fx genstarte en app eller forbinde til wifi.',
    ],
  ],
  'sr-36': [
    [
      'Jeg kan søge på nettet for at løse et problem med IT.',
      'Jeg kan finde løsninger på tekniske problemer ved at søge på nettet.',
    ],
  ],
  'sr-40': [
    [
      'Jeg ved, hvad jeg skal lære af IT for at få det job, jeg vil have.',
      'Jeg kan vurdere, hvilke digitale færdigheder jeg mangler til mit jobmål.',
    ],
  ],
};

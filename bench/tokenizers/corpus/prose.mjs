// Hand-written chat turns for the calibration corpus: English prose and five other languages.
// Written for this bench (no third-party text), so the corpus can be committed and shared freely.
// Each category has system prompts and {user, assistant} pairs; build.mjs composes them into chats.

export const en = {
  systems: [
    "You are a friendly support agent for Parcelry, an online shipping service. Answer briefly and politely.",
    "You are a helpful assistant. Keep answers clear and practical.",
    "You are an internal HR assistant. Quote policy where you can and suggest who to contact when unsure.",
  ],
  pairs: [
    {
      user: "Hi, I ordered a desk lamp last Tuesday and the tracking page still says 'label created'. Is my package lost?",
      assistant: "I'm sorry for the wait! A status of 'label created' means the seller printed the shipping label but the carrier hasn't scanned the parcel yet. That usually happens within two business days. Since it has been longer than that, I've opened a trace request with the carrier for you. You'll get an email within 24 hours with an update. If the parcel still hasn't moved by Friday, you can choose between a full refund and a free replacement, whichever you prefer.",
    },
    {
      user: "Can you explain what DNS actually does, in plain words?",
      assistant: "Think of DNS as the phone book of the internet. Computers find each other using numeric addresses, like 93.184.216.34, but people prefer names such as example.com. When you type a name into your browser, your computer asks a DNS resolver, usually run by your internet provider, which address belongs to that name. The resolver looks it up, sometimes by asking several other servers in turn, and remembers the answer for a while so the next lookup is faster. Only then does your browser connect to the actual website.",
    },
    {
      user: "Please summarize these meeting notes for the team: we agreed to move the launch from March 3 to March 17 because QA found two blocking bugs in checkout; Priya owns the fixes; marketing will shift the email campaign; we still need legal to sign off on the new terms.",
      assistant: "Summary of today's meeting:\n\n- The launch moves from March 3 to March 17, because QA found two blocking bugs in the checkout flow.\n- Priya owns both fixes.\n- Marketing will reschedule the email campaign to match the new date.\n- Open item: legal still has to approve the updated terms of service before launch.\n\nNext check-in: Thursday, to confirm the fixes are on track.",
    },
    {
      user: "I'm visiting Lisbon for three days in October. What should I not miss?",
      assistant: "Lisbon is lovely in October: warm days, fewer crowds. Here's a relaxed three-day plan.\n\nDay one: wander through Alfama, the oldest neighbourhood, and climb to the São Jorge castle for the view. In the evening, find a small restaurant with live fado.\n\nDay two: take the tram or a bus to Belém. See the Jerónimos Monastery, the tower, and have a pastel de nata at the famous bakery nearby. Spend the afternoon at the MAAT museum by the river.\n\nDay three: take a day trip to Sintra by train, about 40 minutes. The Pena Palace and the gardens of Quinta da Regaleira are worth the early start. Wear comfortable shoes: the city is built on seven hills!",
    },
    {
      user: "My sourdough comes out dense and flat. What am I doing wrong?",
      assistant: "A dense, flat loaf usually points to one of three things. First, the starter may be too weak: it should double within four to eight hours after feeding, and a spoonful should float in water. Second, the bulk fermentation may be too short, especially in a cool kitchen. Let the dough rise until it has grown by about half and looks airy and jiggly, even if that takes longer than the recipe says. Third, shaping matters: without enough surface tension the loaf spreads instead of rising. Try a tighter shape and a final rise in a banneton in the fridge overnight, then bake straight from cold in a very hot covered pot.",
    },
    {
      user: "Could you give feedback on this opening line for my cover letter? 'I am writing to apply for the job that was posted on your website.'",
      assistant: "It's polite, but it doesn't tell the reader anything they don't already know, and it uses the most valuable sentence of the letter on a formality. Try leading with what you bring and why this company. For example: 'After four years of building payment systems that handle two million transactions a day, I'd love to bring that experience to Acme's new billing team.' Name the role in the second sentence if you need to. Specific numbers and a clear link to their needs will make the reader want to continue.",
    },
    {
      user: "How many vacation days do I get in my first year, and can I carry unused days over?",
      assistant: "According to the current leave policy, full-time employees receive 25 vacation days per calendar year. In your first year the allowance is prorated from your start date, so if you joined on July 1 you have 12.5 days for this year. Up to five unused days can be carried over into the next year, but they must be taken before March 31, after which they expire. Part-time staff get a proportional allowance. For questions about your personal balance, please contact the HR service desk or check the time-off page in the employee portal.",
    },
    {
      user: "Write a short product description for a stainless steel water bottle that keeps drinks cold for 24 hours.",
      assistant: "Meet the bottle that keeps up with you. Double-walled, vacuum-insulated stainless steel keeps water ice-cold for a full 24 hours and coffee hot for 12. The powder-coated finish won't sweat or slip, the leak-proof lid fits in one hand, and the wide mouth takes ice cubes and a cleaning brush with ease. It's free of BPA, tough enough for the trail and slim enough for a car cup holder. Fill it once in the morning and forget about it until dinner.",
    },
    {
      user: "My laptop keeps dropping the Wi-Fi connection every few minutes, but my phone is fine. Any ideas?",
      assistant: "Since other devices stay connected, the problem is most likely on the laptop. A few things to try, in order: first, update the wireless adapter driver from the manufacturer's website, since outdated drivers are the most common cause. Second, turn off the adapter's power-saving option, which on some systems switches the radio off to save battery. Third, forget the network and reconnect, so the laptop gets fresh settings. If the router offers separate 2.4 GHz and 5 GHz networks, try the other band. If none of that helps, test with a cheap USB Wi-Fi adapter: if that works, the built-in card may be failing.",
    },
    {
      user: "Why did the Roman Empire split into east and west?",
      assistant: "There was no single moment when the empire broke in two; it was a gradual process driven mostly by practical problems. By the third century the empire was too large for one ruler to defend: threats came at the same time from Germanic peoples along the Rhine and Danube and from Persia in the east. Emperor Diocletian divided the administration among several co-emperors around 293 AD, and later rulers kept some form of that arrangement. The east was also richer and more urban, and Constantine's new capital at Constantinople became its centre. After Theodosius I died in 395, his two sons ruled the two halves separately, and they never reunited for long. The western half collapsed in 476, while the eastern half lasted for almost another thousand years.",
    },
    {
      user: "Draft a polite email to a client telling them the report will be two days late.",
      assistant: "Subject: Updated delivery date for the quarterly report\n\nDear Ms. Okafor,\n\nI wanted to let you know that the quarterly market report will reach you on Thursday rather than Tuesday as planned. While checking the final figures we found an inconsistency in one of the regional data sources, and we want to correct it properly rather than send you numbers we can't fully stand behind.\n\nI apologise for the inconvenience. If it would help, I'm happy to send a short preview of the key findings tomorrow so your team can start planning.\n\nKind regards,\nDaniel Brooks\nSenior Analyst",
    },
    {
      user: "Is it bad to drink coffee right after waking up?",
      assistant: "For most healthy adults it's not harmful. Some people suggest waiting an hour or so because your body's own cortisol is naturally high in the morning, but the evidence that waiting makes a real difference is weak. What matters more is the total amount and the timing later in the day: caffeine has a half-life of around five hours, so a cup in the late afternoon can still affect your sleep. If coffee on an empty stomach gives you heartburn or jitters, try having it with breakfast. If you have a heart condition, are pregnant, or take certain medications, check with your doctor about how much is right for you.",
    },
  ],
};

export const de = {
  systems: [
    "Du bist ein hilfsbereiter Assistent. Antworte auf Deutsch, freundlich und präzise.",
    "Sie sind der Kundenservice eines Stromanbieters. Antworten Sie höflich und sachlich.",
  ],
  pairs: [
    {
      user: "Wie kann ich meinen Zählerstand online übermitteln?",
      assistant: "Das geht ganz einfach über unser Kundenportal. Melden Sie sich mit Ihrer Kundennummer und Ihrem Passwort an, wählen Sie im Menü „Verbrauch“ den Punkt „Zählerstand melden“ und geben Sie die Zahlen vor dem Komma ein. Wichtig: Bitte geben Sie auch das Ablesedatum an. Nach dem Absenden erhalten Sie eine Bestätigung per E-Mail. Falls Sie noch keinen Zugang haben, können Sie sich mit den Daten aus Ihrer letzten Jahresabrechnung registrieren.",
    },
    {
      user: "Erklär mir bitte den Unterschied zwischen „seit“ und „seid“.",
      assistant: "Gern! „Seit“ mit t ist eine Präposition oder Konjunktion und bezieht sich auf die Zeit: „Ich wohne seit drei Jahren in Leipzig.“ oder „Seit er umgezogen ist, fährt er mit dem Fahrrad.“ „Seid“ mit d ist eine Form des Verbs „sein“, nämlich die zweite Person Plural: „Ihr seid heute aber früh da!“ oder als Aufforderung: „Seid bitte leise.“ Eine Eselsbrücke: Wenn man „ihr“ davorsetzen kann, schreibt man es mit d.",
    },
    {
      user: "Ich möchte am Wochenende eine Radtour an der Mosel machen. Hast du Tipps?",
      assistant: "Die Mosel ist ideal für eine entspannte Radtour, weil der Radweg fast durchgehend flach am Fluss entlangführt. Eine schöne Strecke für zwei Tage ist Trier bis Bernkastel-Kues, etwa 65 Kilometer, und am zweiten Tag weiter bis Traben-Trarbach. Unterwegs lohnen sich Pausen in Neumagen-Dhron, dem ältesten Weinort Deutschlands, und natürlich eine Weinprobe bei einem der kleinen Winzer. Zurück geht es bequem mit der Bahn oder dem Schiff. Am Wochenende ist viel los, daher sollten Sie die Unterkunft vorher buchen.",
    },
    {
      user: "Kannst du diesen Satz höflicher formulieren: „Schicken Sie mir endlich die Rechnung.“",
      assistant: "Zum Beispiel so: „Könnten Sie mir bitte die Rechnung zusenden? Ich benötige sie für unsere Buchhaltung bis Ende der Woche. Vielen Dank im Voraus!“ Damit bleibt die Bitte klar und die Frist ist genannt, aber der Ton ist freundlich.",
    },
    {
      user: "Was bedeutet eigentlich „Kündigungsfrist von drei Monaten zum Quartalsende“?",
      assistant: "Das heißt, dass Ihre Kündigung mindestens drei Monate vor dem Ende eines Kalenderquartals beim Vertragspartner eingegangen sein muss. Die Quartale enden am 31. März, 30. Juni, 30. September und 31. Dezember. Wenn Sie also zum 30. September kündigen möchten, muss die Kündigung spätestens am 30. Juni ankommen. Geht sie erst am 2. Juli ein, endet der Vertrag erst am 31. Dezember. Am sichersten ist ein Einschreiben oder eine schriftliche Eingangsbestätigung.",
    },
    {
      user: "Wie lange muss ein hart gekochtes Ei kochen?",
      assistant: "Für ein wirklich hartes Ei rechnet man etwa zehn Minuten ab dem Moment, in dem das Wasser wieder sprudelnd kocht. Bei Größe L eher elf Minuten. Danach die Eier kurz in kaltem Wasser abschrecken, dann lassen sie sich leichter schälen und das Eigelb bekommt keinen grünlichen Rand. Wenn du das Eigelb lieber noch leicht cremig magst, reichen acht Minuten.",
    },
    {
      user: "Fasse bitte kurz zusammen, worum es im Roman „Der Vorleser“ geht.",
      assistant: "Der Roman von Bernhard Schlink erzählt die Geschichte von Michael Berg, der als Fünfzehnjähriger im Nachkriegsdeutschland eine Beziehung mit der deutlich älteren Hanna Schmitz beginnt. Er liest ihr oft vor. Jahre später sieht er sie als Jurastudent wieder: als Angeklagte in einem Prozess gegen ehemalige KZ-Aufseherinnen. Im Verlauf des Prozesses erkennt Michael, dass Hanna Analphabetin ist und lieber eine härtere Strafe in Kauf nimmt, als das zuzugeben. Das Buch fragt, wie die nachfolgende Generation mit der Schuld der Eltern und mit ihren eigenen Gefühlen umgehen soll.",
    },
    {
      user: "Meine Heizung wird nur im oberen Teil warm. Was kann ich tun?",
      assistant: "Wenn ein Heizkörper oben warm und unten kalt ist, ist das oft normal, solange der Thermostat nicht auf voller Stufe steht: Das warme Wasser fließt oben hinein und kühlt nach unten hin ab. Ist er dagegen oben kalt und unten warm, befindet sich wahrscheinlich Luft im System. Dann sollten Sie den Heizkörper entlüften: Heizung abdrehen, Lappen und Gefäß unter das Ventil halten und mit einem Entlüftungsschlüssel vorsichtig öffnen, bis Wasser statt Luft austritt. Prüfen Sie anschließend den Wasserdruck an der Heizungsanlage, er sollte meist zwischen 1,5 und 2 bar liegen.",
    },
  ],
};

export const fr = {
  systems: [
    "Tu es un assistant serviable. Réponds en français, de façon claire et concise.",
    "Vous êtes le service client d'une banque en ligne. Répondez poliment et avec précision.",
  ],
  pairs: [
    {
      user: "Comment puis-je faire opposition à ma carte bancaire perdue ?",
      assistant: "Vous pouvez faire opposition immédiatement depuis l'application : ouvrez l'onglet « Cartes », sélectionnez la carte concernée puis appuyez sur « Faire opposition ». L'opposition est définitive et prend effet tout de suite. Si vous n'avez pas accès à l'application, appelez le numéro d'urgence indiqué au dos de votre relevé, disponible 24 heures sur 24 et 7 jours sur 7. Une nouvelle carte vous sera envoyée sous cinq jours ouvrés à l'adresse enregistrée sur votre compte.",
    },
    {
      user: "Peux-tu m'expliquer la différence entre le passé composé et l'imparfait ?",
      assistant: "Bien sûr ! Le passé composé décrit une action terminée et ponctuelle, souvent avec un début et une fin précis : « Hier, j'ai mangé une pizza. » L'imparfait, lui, sert à décrire le décor, les habitudes ou une action en cours dans le passé : « Quand j'étais petit, je mangeais souvent des pizzas. » On les combine souvent dans un récit : l'imparfait pose le cadre et le passé composé fait avancer l'histoire. Par exemple : « Il pleuvait quand le téléphone a sonné. »",
    },
    {
      user: "Quels sont les incontournables pour un week-end à Lyon ?",
      assistant: "Pour un week-end à Lyon, commencez par le Vieux Lyon et ses traboules, ces passages secrets entre les immeubles. Montez ensuite à la basilique de Fourvière pour la vue sur toute la ville. Le samedi matin, ne manquez pas les Halles Paul Bocuse pour goûter des produits locaux. Le soir, dînez dans un bouchon lyonnais : quenelles, saucisson brioché et tarte aux pralines. Le dimanche, promenez-vous dans le parc de la Tête d'Or ou visitez le musée des Confluences, à la pointe de la presqu'île.",
    },
    {
      user: "Rédige un message court pour annuler un rendez-vous chez le dentiste.",
      assistant: "Bonjour,\n\nJe suis au regret de devoir annuler mon rendez-vous du jeudi 14 à 10 h 30, en raison d'un empêchement professionnel. Serait-il possible de le reporter à la semaine suivante, de préférence en fin de journée ?\n\nMerci par avance et bonne journée,\nClaire Martin",
    },
    {
      user: "Pourquoi le ciel est-il bleu ?",
      assistant: "La lumière du soleil contient toutes les couleurs. En traversant l'atmosphère, elle rencontre des molécules d'azote et d'oxygène qui diffusent beaucoup plus fortement les courtes longueurs d'onde, donc le bleu et le violet, que le rouge. C'est ce qu'on appelle la diffusion de Rayleigh. Cette lumière bleue diffusée nous arrive de toutes les directions, ce qui colore le ciel. Nos yeux étant moins sensibles au violet, et une partie étant absorbée en haute altitude, nous percevons surtout du bleu. Au coucher du soleil, la lumière traverse une couche d'air plus épaisse : le bleu est dispersé avant de nous atteindre, et il reste les tons orangés.",
    },
    {
      user: "J'ai reçu un SMS me demandant de confirmer mes coordonnées bancaires. Est-ce normal ?",
      assistant: "Non, c'est très probablement une tentative d'hameçonnage. Nous ne vous demanderons jamais vos coordonnées bancaires, vos codes ou votre mot de passe par SMS, par e-mail ou par téléphone. Ne cliquez pas sur le lien et ne répondez pas au message. Vous pouvez le signaler gratuitement en le transférant au 33700. Si vous avez déjà saisi des informations, contactez-nous sans attendre afin que nous bloquions votre carte et sécurisions votre compte.",
    },
    {
      user: "Donne-moi une recette simple de ratatouille.",
      assistant: "Pour quatre personnes, il vous faut deux courgettes, une aubergine, deux poivrons, quatre tomates, un oignon, deux gousses d'ail, de l'huile d'olive, du thym et du laurier. Coupez tous les légumes en dés. Faites revenir l'oignon et l'ail dans l'huile, puis ajoutez l'aubergine et les poivrons pendant dix minutes. Ajoutez les courgettes, les tomates et les herbes, salez, poivrez, couvrez et laissez mijoter à feu doux pendant quarante minutes en remuant de temps en temps. La ratatouille est encore meilleure réchauffée le lendemain.",
    },
  ],
};

export const es = {
  systems: [
    "Eres un asistente útil. Responde en español de forma clara y amable.",
    "Eres el asistente virtual de una aerolínea. Responde con precisión y cortesía.",
  ],
  pairs: [
    {
      user: "¿Cuánto equipaje de mano puedo llevar en un vuelo nacional?",
      assistant: "En nuestros vuelos nacionales puede llevar una maleta de cabina de hasta 10 kg, con unas medidas máximas de 55 × 40 × 20 cm, y además un artículo personal pequeño, como un bolso o una mochila, que quepa debajo del asiento delantero. Si viaja con la tarifa Básica, la maleta de cabina puede ir a bodega sin coste cuando el vuelo está completo. Los líquidos deben ir en envases de 100 ml como máximo, dentro de una bolsa transparente.",
    },
    {
      user: "Explícame qué es la inflación como si tuviera doce años.",
      assistant: "Imagina que este año un helado cuesta dos euros y el año que viene cuesta dos euros con veinte. El helado es el mismo, pero necesitas más dinero para comprarlo. Eso es la inflación: cuando los precios de muchas cosas suben con el tiempo, y por eso con el mismo dinero puedes comprar un poco menos. Un poco de inflación es normal en una economía que crece, pero si los precios suben muy rápido, a las familias les cuesta más llegar a fin de mes. Por eso los bancos centrales intentan mantenerla baja y estable, alrededor del dos por ciento al año.",
    },
    {
      user: "Quiero cambiar la fecha de mi vuelo a Sevilla. ¿Tiene algún coste?",
      assistant: "Depende de su tarifa. Con la tarifa Flexible, el cambio es gratuito y solo pagaría la diferencia de precio si el nuevo vuelo es más caro. Con la tarifa Clásica, el cambio cuesta 35 euros por trayecto y pasajero, más la posible diferencia de tarifa. La tarifa Básica no permite cambios. Puede hacer la modificación en la sección «Mis reservas» de nuestra web o aplicación, con su código de reserva y su apellido, hasta dos horas antes de la salida.",
    },
    {
      user: "Escribe un mensaje breve para felicitar a una compañera por su ascenso.",
      assistant: "¡Enhorabuena, Lucía! Me alegro muchísimo por tu ascenso. Es un reconocimiento más que merecido a todo el esfuerzo y la dedicación que has demostrado estos años, y estoy segura de que lo harás genial como jefa de proyecto. ¡A ver cuándo lo celebramos con un café!",
    },
    {
      user: "¿Qué diferencia hay entre «por qué», «porque», «porqué» y «por que»?",
      assistant: "«Por qué», separado y con tilde, se usa en preguntas y exclamaciones: «¿Por qué no viniste?». «Porque», junto y sin tilde, introduce una causa: «No fui porque estaba enfermo». «Porqué», junto y con tilde, es un sustantivo que significa «la causa» y suele ir con artículo: «No entiendo el porqué de su decisión». Por último, «por que», separado y sin tilde, es la preposición «por» seguida del relativo «que»: «Esa es la razón por que lo hizo», aunque hoy es más común decir «por la que».",
    },
    {
      user: "Dame ideas para una cena vegetariana rápida.",
      assistant: "Aquí tienes algunas ideas que se preparan en menos de treinta minutos. Unos tacos de garbanzos especiados con aguacate, cebolla morada y salsa de yogur. Una tortilla de patatas con pimientos, acompañada de ensalada de tomate. Pasta integral con espinacas, champiñones salteados y parmesano. Un salteado de tofu con brócoli, zanahoria y salsa de soja, servido sobre arroz. O una crema de calabaza con jengibre y tostadas con hummus. Todas son fáciles y admiten lo que tengas en la nevera.",
    },
    {
      user: "Mi planta de interior tiene las hojas amarillas. ¿Qué le pasa?",
      assistant: "Las hojas amarillas suelen indicar un problema de riego. La causa más habitual es el exceso de agua: si la tierra está húmeda varios días seguidos, las raíces no respiran y la planta amarillea empezando por las hojas de abajo. Riega solo cuando los primeros centímetros de tierra estén secos y asegúrate de que la maceta tiene agujeros de drenaje. Otras causas posibles son la falta de luz, las corrientes de aire frío o la falta de nutrientes; en primavera y verano, un abono suave una vez al mes ayuda.",
    },
  ],
};

export const zh = {
  systems: [
    "你是一个乐于助人的助手。请用简体中文回答，语言简洁清楚。",
    "你是一家电商平台的客服，请礼貌、准确地回答顾客的问题。",
  ],
  pairs: [
    {
      user: "我昨天买的耳机一直没有发货，能帮我查一下吗？",
      assistant: "非常抱歉让您久等了。我查询到您的订单已经打包完成，但由于仓库近期订单量较大，预计今天下午六点前交给快递公司。发货后您会收到短信通知，里面有物流单号。如果今天仍未发货，您可以在订单页面申请补偿，我们会为您发放一张十元无门槛优惠券。请问还有其他可以帮您的吗？",
    },
    {
      user: "请用简单的话解释一下什么是区块链。",
      assistant: "可以把区块链想象成一本由很多人共同保管的账本。每一页账本叫做一个“区块”，记录了一段时间内发生的交易。新的一页写满后，会通过一种数学方法和前一页牢牢连在一起，形成一条“链”。因为每个人手里都有一份完整的账本，任何人想偷偷修改以前的记录，都必须同时改掉大多数人手里的副本，这几乎不可能做到。所以区块链的特点是公开透明、难以篡改，常用于数字货币，也可以用于供应链追溯等场景。",
    },
    {
      user: "周末想去杭州玩两天，有什么推荐的路线？",
      assistant: "第一天可以从西湖开始，沿着苏堤和白堤慢慢散步，中午在湖边吃一顿杭帮菜，比如西湖醋鱼和东坡肉。下午去灵隐寺和飞来峰，傍晚回到湖边看雷峰塔的日落。第二天上午去龙井村喝茶、看茶园，下午逛河坊街和南宋御街，买些特产。如果时间充裕，晚上还可以去看一场《最忆是杭州》的演出。周末游客较多，建议提前预约热门景点的门票。",
    },
    {
      user: "帮我写一段请假条，我下周一需要去医院复查。",
      assistant: "尊敬的王经理：\n\n您好！因我需要于下周一（十一月二十四日）前往医院进行复查，预计需要一整天时间，特此申请请假一天。请假期间的工作我已与同事李明做好交接，如有紧急事项可以随时电话联系我。\n\n恳请批准，谢谢！\n\n此致\n敬礼\n\n张华\n十一月二十日",
    },
    {
      user: "为什么秋天树叶会变黄？",
      assistant: "树叶之所以是绿色的，是因为里面含有大量叶绿素。其实叶子里还有黄色的叶黄素和橙色的胡萝卜素，只是平时被叶绿素的绿色盖住了。到了秋天，白天变短、气温下降，树木开始为过冬做准备，叶绿素逐渐分解而且不再大量合成，于是原本隐藏的黄色和橙色就显露出来了。有些树叶还会产生花青素，所以会变成红色或紫色。",
    },
    {
      user: "学习一门新的编程语言，最好的方法是什么？",
      assistant: "我的建议是“边学边做”。先花几天时间快速了解这门语言的基本语法，比如变量、条件判断、循环和函数，不必追求一次全部记住。然后尽快动手做一个自己感兴趣的小项目，例如一个记账工具或者一个简单的网页爬虫。遇到问题时再去查文档和搜索资料，这样记得更牢。另外，多读别人写的优秀代码，参与开源项目，并坚持每天写一点，进步会非常明显。",
    },
    {
      user: "收到的商品有破损，怎么申请退货？",
      assistant: "很抱歉给您带来不好的购物体验。您可以在“我的订单”中找到该商品，点击“申请售后”，选择“退货退款”，原因选择“商品破损”，并上传两到三张能看清破损位置的照片。提交后我们会在二十四小时内审核，审核通过后系统会自动生成上门取件单，快递员会在约定时间上门取件，运费由我们承担。退款将在仓库收到商品后三个工作日内原路退回。",
    },
  ],
};

export const ja = {
  systems: [
    "あなたは親切なアシスタントです。日本語で、丁寧かつ簡潔に答えてください。",
    "あなたはホテルの予約窓口の担当者です。お客様に丁寧に対応してください。",
  ],
  pairs: [
    {
      user: "来月の十五日から二泊、ダブルルームを予約したいのですが、空いていますか。",
      assistant: "お問い合わせいただきありがとうございます。十二月十五日から二泊、ダブルルームのご予約ですね。確認いたしましたところ、禁煙のダブルルームに空きがございます。料金は朝食付きで一泊一万八千円、二泊で合計三万六千円（税込）となります。チェックインは午後三時から、チェックアウトは午前十一時までです。ご予約を確定してよろしければ、お名前とお電話番号をお知らせください。",
    },
    {
      user: "「お疲れ様です」と「ご苦労様です」の違いを教えてください。",
      assistant: "どちらも相手の労をねぎらう言葉ですが、使う相手が異なります。「お疲れ様です」は目上の人にも同僚にも使える表現で、職場のあいさつとして広く使われています。一方、「ご苦労様です」は一般的に目上の人が目下の人に対して使う言葉とされているため、上司や取引先に使うと失礼だと受け取られることがあります。迷ったときは「お疲れ様です」を使うのが無難です。",
    },
    {
      user: "京都で紅葉を見るなら、どこがおすすめですか。",
      assistant: "京都には紅葉の名所がたくさんありますが、特におすすめなのは東福寺、永観堂、嵐山の三か所です。東福寺の通天橋から見下ろす紅葉の谷はとても見事です。永観堂は「もみじの永観堂」と呼ばれるほど有名で、夜のライトアップも幻想的です。嵐山では渡月橋周辺の山々が色づき、トロッコ列車から眺める景色も人気です。見頃は例年十一月中旬から下旬ですが、週末はかなり混雑するので、朝早めの時間に訪れるのがおすすめです。",
    },
    {
      user: "会議の日程変更をお願いするメールを書いてください。",
      assistant: "件名：打ち合わせ日程変更のお願い\n\n株式会社青空 営業部 田中様\n\nいつも大変お世話になっております。山本商事の佐藤です。\n\n十一月二十七日（木）午後二時からお約束しておりました打ち合わせについて、誠に勝手ながら、社内の急な予定により日程の変更をお願いできませんでしょうか。\n\n十二月一日（月）または二日（火）の午後でしたら調整可能でございます。ご都合のよい日時をお知らせいただけますと幸いです。\n\nご迷惑をおかけし申し訳ございませんが、何卒よろしくお願いいたします。",
    },
    {
      user: "なぜ日本では電車が時間通りに来るのですか。",
      assistant: "いくつかの理由が重なっています。まず、鉄道会社が秒単位で細かく作成したダイヤに基づいて運行しており、運転士や車掌も到着時刻を厳密に守るよう訓練されています。次に、線路や車両の点検が頻繁に行われ、故障が起きにくい体制が整っています。また、乗客も整列乗車や素早い乗り降りに協力するため、駅での停車時間が短く保たれます。さらに、遅れが生じた場合でも、指令所が列車の間隔を細かく調整して影響を最小限に抑えています。",
    },
    {
      user: "毎日続けられる簡単な運動を教えてください。",
      assistant: "忙しい方でも続けやすいのは、スクワット、ウォーキング、ストレッチの三つです。スクワットは一日十回を二セットから始め、膝がつま先より前に出ないように気をつけましょう。ウォーキングは一駅分歩く、エレベーターの代わりに階段を使うなど、日常の中に取り入れるのがコツです。寝る前に五分ほど体を伸ばすストレッチをすると、睡眠の質も良くなります。大切なのは無理をせず、少しずつ習慣にすることです。",
    },
  ],
};

export const emoji = {
  systems: [
    "You are a cheerful social media assistant. Use emoji where it feels natural. 😊",
    "You help small businesses write posts for Instagram and TikTok. Keep it fun and short!",
  ],
  pairs: [
    {
      user: "Write an Instagram caption for our new pumpkin spice latte 🎃☕",
      assistant: "It's officially sweater weather 🍂🧣 Our Pumpkin Spice Latte is BACK and cozier than ever ☕✨ Real pumpkin, warm cinnamon, a swirl of whipped cream 🤤 Tag the friend you're sharing it with 👇 #PSL #FallVibes #CoffeeLover 🎃",
    },
    {
      user: "lol my cat just knocked my coffee off the table AGAIN 😭😭",
      assistant: "Oh no 😂😭 The classic cat move: maintain eye contact, push slowly, watch it fall 🐈‍⬛☕💥 Maybe it's time for a mug with a lid 😅 or a very heavy one 🏋️ Hope your floor (and your morning) survived! 🧻",
    },
    {
      user: "Give me 5 emoji-packed ideas for a birthday message for my sister",
      assistant: "Here you go! 🎉\n\n1. Happy birthday to my favorite partner in crime 👯‍♀️🎂 Love you to the moon and back 🌙💖\n2. Another year older, still not wiser 😜🎈 Cheers to you, sis! 🥂\n3. Cake 🍰 + balloons 🎈 + you 🥳 = the best day of the year ✨\n4. Thanks for stealing my clothes for 20+ years 👗😂 Happy birthday! 🎁\n5. Wishing you sunshine ☀️, laughter 😄 and zero dishes to wash today 🍽️🚫",
    },
    {
      user: "Can you make a TikTok hook for our bakery's croissants? 🥐",
      assistant: "POV: it's 6 AM and the croissants just came out of the oven 🥐🔥👀 *crunch* 🎧 Butter layers? 81. Regrets? 0 😌 Come early, they sell out by 9 ⏰🏃‍♀️ #BakeryTok #Croissant #FoodTok 🥐✨",
    },
    {
      user: "how do i say thank you to my team after a crazy launch week 🚀",
      assistant: "Something like this 👇\n\n\"Team 🙌 What. A. Week. 🚀 We shipped on time, squashed 42 bugs 🐛🔨 and still found time for memes 😂 Huge thanks to every single one of you 💙 Pizza's on me Friday 🍕🍕🍕 Now go get some sleep 😴\"\n\nShort, warm, and the pizza never hurts 😉",
    },
    {
      user: "What's the weather emoji for 'sunny with a chance of rain'? ☀️🌧️",
      assistant: "You've basically nailed it! 🌦️ is the official 'sun behind rain cloud' emoji. You can also use 🌤️ for mostly sunny, ⛅ for partly cloudy, or go full drama with ☀️➡️🌧️ 😄 And don't forget the ☂️ just in case!",
    },
    {
      user: "we hit 10k followers!!! help me write a post 🎉🎉",
      assistant: "CONGRATS!! 🥳🎉 Try this:\n\n\"10,000 of you?! 😱💖 When we started this little shop in a garage 🏠📦 we never imagined this. THANK YOU for every like ❤️, share 🔁 and comment 💬 To celebrate, we're giving away 3 gift boxes 🎁🎁🎁 Follow + tag a friend below 👇 Winners picked Friday! 🍀 #10k #ThankYou\"",
    },
    {
      user: "Rate my weekend plan: hike 🥾, brunch 🥞, nap 😴, movie 🍿",
      assistant: "10/10 no notes 🏆 Hike first to earn the pancakes 🥾➡️🥞, nap to recover 😴💤, then a movie to wrap it up 🍿🎬 Maybe add a sunset walk 🌅 if you're feeling extra ✨ Enjoy!",
    },
  ],
};

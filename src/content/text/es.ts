import type { GameText } from './en.ts';

/** Las palabras del juego en español: la misma forma y las mismas claves que en.ts (los niveles llevan las suyas). */
export const es = {
  gameTitle: 'Push or Poll',
  tagline: '¿Cuándo debe preguntar tu app y cuándo deben avisarle?',
  intro:
    'Cada nivel es una situación real. Elige cómo se entera tu app de las novedades —polling (sondeo), un webhook, un WebSocket, Server-Sent Events, una llamada directa o una sola petición simple—, ejecútalo sobre una red simulada y mira lo que costó.',
  /** The virtual clock's day ("Day 1, 09:05:03"). */
  clockDay: 'Día {day}',
  /** A run's stars as text. */
  stars: '{stars} de 3 estrellas',
  /** A goal's target. */
  atMost: 'como mucho {target}',
  atLeast: 'al menos {target}',
  /** The last joint of a list: "A, B and C", "A, B or C". */
  and: 'y',
  or: 'o',
  patterns: {
    polling: 'Polling',
    webhook: 'Webhook',
    websocket: 'WebSocket',
    'plain-request': 'Petición simple',
    sse: 'Server-Sent Events',
    'direct-call': 'Llamada directa o cola',
    'long-polling': 'Long polling',
  },
  patternBlurbs: {
    polling: 'Pregunta al servidor una y otra vez: «¿hay algo nuevo?»',
    webhook: 'Dale tu URL al servidor; te llama cuando pasa algo.',
    websocket: 'Mantén una conexión abierta; el servidor envía por ella al instante.',
    'plain-request': 'Pregunta una vez, cuando lo necesitas.',
    sse: 'Una petición cuya respuesta no deja de llegar, evento a evento.',
    'direct-call': 'Los dos lados son tuyos: un servicio llama al otro por sí mismo.',
    'long-polling': 'Pregunta, y el servidor retiene la pregunta hasta que hay novedades; luego vuelve a preguntar.',
  },
  starsRule:
    'Tres estrellas cuando se cumplen todos los objetivos. Si no, decide lo esencial del nivel. Si lo esencial se falla: una estrella si se cumplieron todos los demás objetivos; si no, ninguna. Si se cumple: dos estrellas si también se cumplió al menos la mitad de los demás objetivos y ninguno se falló por mucho; si no, una. Un objetivo se falla por mucho cuando la ejecución midió más del doble de lo que permite (cualquier cantidad, donde no permite ninguna) o menos de la mitad de lo que pide. Una ejecución en la que tu app no se enteró de ninguno de los cambios no gana ninguna estrella.',
  starsRuleSummary: 'Cómo se cuentan las estrellas',
  pointNote:
    'Cumplir todos los objetivos da tres estrellas. Fallar el objetivo marcado «Lo esencial», o fallar otro por más del doble de lo que permite, deja como mucho una estrella.',
  debrief: {
    passed: 'Todos los objetivos cumplidos.',
    pointMet: 'Se cumplió lo esencial de este nivel, pero no todos los demás objetivos.',
    pointMissed: 'Se falló lo esencial de este nivel, y otro objetivo con ello: ninguna estrella.',
    learnedNothing: 'Tu app no se enteró de ninguno de los cambios: ninguna estrella.',
    pointMissedAlone: 'Se falló lo esencial de este nivel: una estrella, aunque se cumplieron todos los demás objetivos.',
    pointMetFar: 'Se cumplió lo esencial de este nivel, pero otro objetivo se falló por mucho: una estrella.',
    pointTag: 'Lo esencial',
    farTag: 'Fallado por mucho',
    farTimes: '{times} veces lo que permite',
    farHalf: 'menos de la mitad de lo que pide',
    betterFit: 'Encaja mejor: {pattern}.',
    equalFit: 'Encajan igual: {patterns}.',
    fitWhy:
      '{patterns} cumplieron todos los objetivos en tus ejecuciones; este nivel los distingue por «{metric}», cuanto menos, mejor: {measured}. {pattern} midió {difference} menos.',
    fitCloseWhy:
      '{patterns} cumplieron todos los objetivos en tus ejecuciones; por «{metric}», la medida con la que este nivel los distingue, midieron {measured}: {difference} de diferencia, menos del {threshold} que hace falta para decir que uno encaja mejor.',
    fitSameWhy:
      '{patterns} cumplieron todos los objetivos en tus ejecuciones y, por «{metric}», la medida con la que este nivel los distingue, midieron lo mismo: {measured}.',
    fitIfAnother:
      'Si otro patrón también cumple aquí todos los objetivos, encaja mejor el que mide al menos un {threshold} menos de «{metric}»; si la diferencia es menor, los dos encajan igual.',
    guessExact: '¡Exacto!',
    guessClose: '¡Cerca!',
    guessLow: 'Más de lo que pensabas.',
    guessHigh: 'Menos de lo que pensabas.',
  },
  patternParams: {
    intervalMs: { label: 'Intervalo de polling', value: 'cada {value}' },
  },
  defences: {
    verify: {
      label: 'Verificar la firma y la marca de tiempo de cada entrega',
      short: 'verificación',
      cost: 'Un HMAC por entrega, un secreto que guardar a salvo y relojes que coincidan con un margen de 5 minutos.',
    },
    dedupe: {
      label: 'Actuar una sola vez por cada id de entrega',
      short: 'deduplicación',
      cost: 'Recordar los ids ya tratados durante todo el tiempo en que puedan llegar reintentos.',
    },
    ordered: {
      label: 'Ignorar un estado más antiguo que el que ya se muestra',
      short: 'orden por versión',
      cost: 'Guardar la última versión de cada recurso y confiar en los números de versión del emisor.',
    },
    reconcile: {
      label: 'Preguntar también a la API del proveedor de vez en cuando',
      short: 'conciliación',
      cost: 'Una petición de vez en cuando, aunque no se haya perdido nada.',
    },
    heartbeat: {
      label: 'Heartbeat: un ping cada 25 s y reconectar si no llega el pong',
      short: 'heartbeat',
      cost: 'Un ping y un pong cada 25 s en cada conexión abierta.',
    },
    jitter: {
      label: 'Reconectar tras una espera aleatoria bajo un tope que se duplica',
      short: 'jitter',
      cost: 'Un cliente puede tardar hasta su tope en volver.',
    },
    conflate: {
      label: 'A una conexión que va con retraso, enviarle solo el último valor',
      short: 'descarte de valores viejos',
      cost: 'Un espectador lento se salta valores que ya estaban desfasados.',
    },
    resume: {
      label: 'Reconectar con Last-Event-ID: retomar donde se cortó',
      short: 'reanudación',
      cost: 'El servidor guarda los eventos recientes para volver a enviarlos.',
    },
    spread: {
      label: 'Empezar el polling en un punto aleatorio del primer intervalo',
      short: 'inicio repartido',
      cost: 'La primera respuesta puede llegar hasta un intervalo más tarde.',
    },
  },
  defencesHeading: 'Defensas en tu código',
  caughtCount: '{defence} detectó {count}',
  defenceWasOn: '{defence} activada',
  runsOnSeed: 'Tus ejecuciones en este nivel, todas con la semilla {seeds}: el mismo mundo cada vez',
  defenceCost: 'Cuesta:',
  defenceOn: 'con {defence}',
  defenceOff: 'sin {defence}',
  playground: {
    title: 'Zona de pruebas',
    intro:
      'Plantea una situación propia. Cada patrón que puede funcionar en ella se ejecuta con la misma semilla, y sus mediciones quedan lado a lado: cuál encaja y cuánto cuesta a tu escala.',
    side: {
      legend: 'Quién está al otro lado',
      'third-party': 'La API de otra empresa (tu aplicación es un servidor con dirección pública)',
      'own-service': 'Un servicio tuyo, dentro de tu propia red',
      browsers: 'Tu aplicación se ejecuta en los navegadores de los usuarios (sin dirección pública)',
      script: 'Tu aplicación es un script que se ejecuta de vez en cuando',
    },
    changes: {
      legend: 'Con qué frecuencia cambia algo',
      every: 'Más o menos cada',
      rhythm: 'Ritmo',
      steady: 'Con regularidad',
      random: 'En momentos imprevisibles',
      bursts: 'En ráfagas de cinco',
    },
    clients: { legend: 'Cuántos clientes miran', label: 'Clientes (de 1 a 1 000 000; se simulan unos pocos y el resto se extrapola)' },
    flow: {
      legend: 'En qué sentido van los datos',
      down: 'Hacia abajo: los cambios llegan a los clientes',
      up: 'Hacia arriba: los usuarios envían (un formulario)',
      both: 'En los dos sentidos',
    },
    offers: {
      legend: 'Qué ofrece la fuente',
      conditionalRequests: 'Peticiones condicionales (ETag, 304)',
      webhooks: 'Webhooks',
      websocket: 'Conexiones WebSocket',
    },
    network: { legend: 'La red', latency: 'Latencia en un sentido', loss: 'Segmentos perdidos (%)', idle: 'Tiempo de inactividad del proxy (vacío: ninguno)' },
    goals: {
      legend: 'Qué se tiene que cumplir',
      fresh: 'Se sabe en menos de (vacío: sin límite)',
      requests: 'Como mucho estas peticiones (vacío: sin límite)',
      held: 'Como mucho este tiempo de conexión, sumado (vacío: sin límite)',
      lost: 'No se puede perder ningún cambio',
    },
    run: 'Ejecutar todos los patrones',
    working: 'Calculando {pattern} ({done} de {total})…',
    worked: 'Todos los patrones se ejecutaron con la semilla {seed}: {patterns}.',
    invalid: 'Este mundo no puede ejecutarse tal como está:',
    fromAddress: 'El mundo de la dirección no se pudo leer, así que la zona de pruebas empieza con los valores por defecto:',
    tooLarge:
      'Este mundo es grande para simularlo aquí (unos {changes} cambios para cada uno de {clients} clientes simulados). Una versión reducida cambia cada {every}: sus mediciones se extrapolan a las tuyas del mismo modo.',
    scaleDown: 'Usar la versión reducida',
    resultsHeading: 'Todos los patrones, misma semilla',
    goalsMet: 'Objetivos cumplidos',
    fits: 'Cumplieron todos los objetivos: {patterns}.',
    noneFits: 'Ningún patrón cumplió todos los objetivos en este mundo: afloja un objetivo o cambia lo que ofrece la fuente.',
    fitBy: 'Por {metric}: {measured}.',
    pollingNote:
      'El polling pregunta cada {interval}: la mitad de la frescura pedida, o si no el ritmo de los cambios, entre 1 s y 1 h. Cada ejecución cubre {span} con {simulated} simulados.',
    play: 'Jugar este mundo en el escenario: elige un patrón y míralo',
    costHeading: 'Coste a tu escala (una estimación)',
    costNote:
      'Cada ejecución extrapolada a un mes de 30 días y a {clients} ({factor} veces lo simulado), con los precios por unidad de abajo: las peticiones y los long polls como peticiones HTTP, las tramas de WebSocket y los eventos de un flujo por igual como mensajes por una conexión abierta, y cada minuto que una conexión sigue abierta. Precios: {source}. Un servidor propio no cobra nada de esto por unidad (pagas máquinas y ancho de banda): cambia los precios por los de tu proveedor.',
    perMillionRequests: 'US$ por millón de peticiones',
    perMillionMessages: 'US$ por millón de mensajes por una conexión abierta',
    perMillionConnectionMinutes: 'US$ por millón de minutos de conexión',
    perMonth: 'US$ al mes (estimación)',
    share: 'Copiar un enlace a este mundo',
    copied: 'El enlace está en el portapapeles.',
    copyRefused: 'El enlace está en el cuadro: cópialo desde ahí.',
    save: 'Guardar como archivo de nivel',
    saveNote:
      'Para autores de cursos: el archivo es un nivel (formato 2) que npm run levels:check acepta; ponlo en una carpeta de capítulo de levels/ y añádelo a levels/index.json.',
    peakNote: '{metric}, para los {simulated} simulados',
    fieldProblem: 'Debe ser {expected} (diste {got}).',
  },
  guide: {
    title: 'Guía de campo',
    intro:
      'Todas las formas que ofrece el juego para que una app se entere de las novedades y, después, las reglas que enseña, por capítulo. Una regla se muestra cuando superas su nivel con tres estrellas: descúbrela antes jugando.',
    patternsHeading: 'Los patrones',
    patterns: {
      polling:
        'Tu app le pregunta al servidor «¿hay algo nuevo?» cada cierto tiempo. Cada pregunta cuesta una petición y una respuesta, haya cambiado algo o no, y las novedades esperan a la siguiente pregunta: el intervalo cambia frescura por tráfico.',
      webhook:
        'Cuando pasa algo, la otra app hace una petición HTTP a una URL que le diste, firmada para que puedas saber que de verdad viene de ella. Entre una llamada y otra no cruza nada por la red, pero tu lado tiene que ser accesible desde internet, y estar en marcha, cuando llega la llamada. Puede entregar el mismo evento más de una vez (al menos una vez), así que actúas una sola vez por cada id de entrega.',
      websocket:
        'Una conexión, abierta con un upgrade de HTTP y luego mantenida abierta, que lleva mensajes en los dos sentidos: el servidor envía en cuanto tiene algo, y el navegador también puede enviar. Cuesta un handshake, y pings para mantenerla viva mientras siga abierta.',
      'plain-request':
        'Tu app pregunta una vez, cuando necesita los datos: una petición, una respuesta. De lo que cambie después no se entera hasta que vuelve a preguntar.',
      sse: 'Una petición HTTP cuya respuesta no termina: el servidor escribe en ella cada evento en cuanto ocurre. Los eventos van en un solo sentido, del servidor al navegador; el navegador envía con peticiones normales.',
      'direct-call':
        'Cuando los dos lados son tuyos, un servicio llama al otro por sí mismo, o deja el trabajo en una cola entre ambos, por tu propia red: nada público, nada a lo que suscribirse.',
      'long-polling':
        'Polling en el que el servidor retiene cada pregunta hasta que tiene novedades (o pasa un tiempo de espera), y el cliente vuelve a preguntar enseguida. Las novedades llegan en un solo viaje, sobre HTTP normal, al precio de una petición y una respuesta por cada novedad, y de una pregunta siempre en espera.',
    },
    rulesHeading: 'Las reglas, por capítulo',
    fits: 'Opciones que encajan: {patterns}',
    learned: 'Aprendida',
    notYet: 'Aún no aprendida',
    hidden: 'Supera su nivel con tres estrellas para ver esta regla.',
    untaught: 'Reglas que ningún nivel enseña todavía',
    noLevel: 'Ningún nivel enseña esto todavía.',
  },
  rules: {
    'intro-package': {
      text: 'Cuando algo que esperas ocurre en otra app, deja que esa app te avise, igual que el transportista te manda un SMS cuando llega tu paquete, en vez de recargar la página de seguimiento todo el día.',
    },
    'wh-happened': { text: 'Para enterarte de que algo ocurrió en otra app (un pago, un envío, un merge), deja que esa app te avise.' },
    'wh-realtime': {
      text: 'Para reaccionar en tiempo real (un correo de bienvenida al registrarse, el stock descontado al hacer un pedido), haz que el otro servicio te llame en el momento en que ocurre, no con 5 minutos de retraso.',
    },
    'wh-third-party': {
      text: 'Para conectarte a un servicio de terceros como Stripe, GitHub, Shopify o Twilio, usa sus webhooks: son la forma en que un servicio así te cuenta lo que pasó.',
    },
    'ws-instant': {
      text: 'Para actualizaciones instantáneas (chat, paneles en vivo, edición colaborativa), donde un retraso de 3 segundos es demasiado, mantén un WebSocket abierto y deja que el servidor envíe por él cada cambio al instante.',
    },
    'ws-two-way': {
      text: 'Cuando los datos van en los dos sentidos (juegos multijugador, subastas en vivo), un WebSocket por jugador los lleva de ida y de vuelta según ocurren.',
    },
    'ws-ai-stream': {
      text: 'Para transmitir la respuesta de una IA token a token, mantén abierta una conexión en la que el servidor escriba cada token: un WebSocket, o Server-Sent Events.',
    },
    'ws-many-viewers': {
      text: 'Cuando muchos usuarios ven los mismos datos en vivo (cotizaciones, marcadores, pizarras), deja que el servidor envíe cada cambio por una conexión abierta por espectador: un WebSocket, o Server-Sent Events.',
    },
    'wh-avoid-once': { text: 'Cuando solo necesitas los datos una vez, un webhook es la herramienta equivocada: haz una petición.' },
    'wh-avoid-both-sides': {
      text: 'Cuando controlas los dos sistemas, no hace falta ningún webhook: deja que uno llame al otro directamente, o usa una cola o un trigger de base de datos.',
    },
    'wh-avoid-tiny-script': {
      text: 'Un pequeño script que se ejecuta de vez en cuando no está ahí cuando llega un webhook: que haga polling de vez en cuando.',
    },
    'ws-avoid-page-once': {
      text: 'Una página que se carga una vez (un perfil, una entrada de blog, resultados de búsqueda) no necesita un WebSocket: basta con una petición.',
    },
    'ws-avoid-rare': {
      text: 'Cuando las actualizaciones son raras (cada hora, cada día), un WebSocket se mantiene abierto para nada: haz polling de vez en cuando, o usa un webhook.',
    },
    'ws-avoid-form': { text: 'Un simple envío de formulario (contacto, registro, pago) no necesita un WebSocket: un POST.' },
    'ws-silent-herd': {
      text: 'Un WebSocket puede morir sin decir nada (un NAT olvida una conexión callada): envíale pings y reconecta cuando no llegue el pong. Cuando un despliegue corta todos los sockets, reconecta tras una espera aleatoria, o todos tus usuarios volverán en el mismo segundo.',
    },
    'sse-resume': {
      text: 'Una respuesta en streaming puede cortarse a la mitad: da un id a cada evento y reanuda con Last-Event-ID (o ponte al día desde la última versión), para que la página siga donde se cortó en vez de empezar de nuevo.',
    },
    'poll-spread': {
      text: 'Los clientes que preguntan todos a las mismas horas en punto golpean el servidor a la vez: haz que cada uno empiece en un punto aleatorio de su intervalo, y las mismas peticiones llegan repartidas.',
    },
    'ws-conflate': {
      text: 'Cuando solo importa el último valor (un precio, una posición), a un espectador que va retrasado envíale solo el último: su enlace nunca se queda minutos atrás y el servidor guarda un mensaje, no miles.',
    },
    'wh-dedupe': {
      text: 'La entrega de un webhook es al menos una vez: una entrega cuya respuesta se perdió vuelve con el mismo id. Actúa una sola vez por cada id de entrega, para que un pedido se envíe una vez y una tarjeta se cobre una vez.',
    },
    'wh-verify': {
      text: 'La dirección de un webhook está abierta a cualquiera en internet: confía solo en una entrega cuya firma se verifique con tu secreto y cuya marca de tiempo sea reciente, para rechazar una falsificada o repetida.',
    },
    'wh-ordered': {
      text: 'Las entregas de un webhook pueden llegar desordenadas: un reintento puede llegar después de un cambio más nuevo. Guarda la versión que ya mostraste e ignora una más antigua.',
    },
    'wh-reconcile': {
      text: 'Los reintentos de un remitente se acaban: un receptor caído más tiempo del que duran pierde cambios para siempre. Pregunta de vez en cuando a la API del proveedor para conciliar, como aconsejan los proveedores de pagos.',
    },
  },
  metrics: {
    requests: 'Peticiones que envió tu app',
    emptyResponses: 'Respuestas sin nada nuevo',
    messages: 'Mensajes en la red',
    messagesPerChange: 'Mensajes por cambio',
    bytes: 'Bytes en la red',
    retransmits: 'Segmentos reenviados tras una pérdida',
    connectionMs: 'Conexiones mantenidas abiertas (tiempo, sumado)',
    connectionPerChangeMs: 'Tiempo de conexión mantenida por cambio',
    peakConnections: 'Conexiones abiertas a la vez (máximo)',
    bytesPerChange: 'Bytes en la red por cambio',
    frames: 'Tramas de WebSocket',
    chunks: 'Fragmentos de flujos de eventos',
    deliveries: 'Entregas de webhook',
    failedDeliveries: 'Entregas fallidas',
    retriedDeliveries: 'Entregas reintentadas',
    events: 'Cambios en el mundo',
    lostEvents: 'Cambios nunca conocidos',
    stalenessP50Ms: 'Retraso en enterarse de un cambio (mediana)',
    stalenessMaxMs: 'Retraso en enterarse de un cambio (el peor)',
    latestStalenessMaxMs: 'Retraso en mostrar el último valor (el peor)',
    peakServerRps: 'Carga máxima en un servidor (por segundo)',
    peakRequestsPerSecond: 'Máximo de peticiones a un servidor (por segundo)',
    peakPushesPerSecond: 'Máximo de envíos desde un servidor (por segundo): su fan-out',
    reconnects: 'Reconexiones',
    peakReconnectsPerSecond: 'Máximo de reconexiones a un servidor (por segundo)',
    refused: 'Rechazos (no había nadie, o no se ofrece)',
    errors: 'Respuestas de error',
    firstByteMs: 'Espera hasta el comienzo de la respuesta (la peor)',
    failedSubmissions: 'Acciones de usuarios que no llegaron',
    publicEndpoints: 'Endpoints abiertos a internet',
    durationMs: 'Tiempo simulado',
    duplicateActions: 'Se actuó dos veces por un mismo cambio',
    falseActions: 'Se actuó por un cambio que nunca ocurrió',
    staleShown: 'Se mostró un estado más antiguo después de uno más nuevo',
    peakBufferBytes: 'Bytes en espera en un servidor para un cliente lento (máximo)',
  },
  a11y: {
    logName: 'Registro de mensajes',
    logHelp: 'Las flechas eligen un mensaje para inspeccionarlo',
    pause: 'Pausa',
    resume: 'Reanudar',
    moments: {
      change: 'Cambió en {actor}: {label}',
      learned: '{actor} ya sabe: {label}',
      lost: 'Perdido por el camino desde {actor}: {label}',
      refused: 'Rechazado en {actor}: {label}',
      'rate-limited': 'Demasiadas peticiones, le dijeron a {actor}: {label}',
      'turned-down': 'Denegado en {actor}: {label}',
      failed: 'Falló en {actor}: {label}',
      caught: 'La defensa de {actor}: {label}',
      misstep: '{actor} actuó mal: {label}',
    },
    moreMoments: 'y {count} más',
    count: '{clock}: {messages} en la red hasta ahora; {known} de {changes} cambios conocidos.',
    countNoChanges: '{clock}: {messages} en la red hasta ahora.',
    messages: ['{count} mensaje', '{count} mensajes'],
    stepped: '{clock}: {line}',
    stageAtRest: 'La red de {title}: {actors}. Aún no hay ejecución.',
    stageRun: 'La red de {title}: {actors}. A las {clock} de {end}: {messages} enviados, {inFlight} en la red ahora; {known} de {changes} cambios conocidos.',
    stageLast: 'Lo último: {moment}.',
    progressReset: 'Tu progreso se reinició: ningún nivel tiene estrellas.',
    progressLoaded: 'Tu progreso se cargó desde el código.',
    goalAtMost: 'objetivo ≤ {target}',
    goalAtLeast: 'objetivo ≥ {target}',
    met: 'cumplido',
    missed: 'no cumplido',
  },
} satisfies GameText;
